// Applies prisma/migrations at start-up, recording them in _prisma_migrations exactly as
// `prisma migrate deploy` does, so a machine with Prisma's native engine sees them as applied.
// (PGlite has no server the CLI could reach, and air-gapped deployments may have no engine.)
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import type { Raw } from "./engine";

const PRISMA_LOCK_KEY = 72707369; // the advisory-lock key Prisma Migrate itself uses

export type MigrationState = { applied: string[]; pending: string[]; failed: string[]; current: boolean };

export function migrationsDir() {
  return path.resolve(process.cwd(), "prisma", "migrations");
}

function listMigrations(dir: string) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

type Row = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; logs: string | null };

export async function migrate(raw: Raw, dir = migrationsDir()): Promise<string[]> {
  const applied: string[] = [];
  // PGlite has one connection, so the session-level lock is only meaningful on PostgreSQL,
  // but taking it on both keeps one code path.
  await raw.query("SELECT pg_advisory_lock($1)", [PRISMA_LOCK_KEY]);
  try {
    await raw.exec(CREATE_TABLE);
    const rows = await raw.query<Row>(`SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations"`);
    const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
    if (failed)
      throw new Error(`Migration ${failed.migration_name} failed earlier and blocks the rest (like Prisma's P3009): ${failed.logs ?? ""}`);
    const done = new Map(rows.filter((r) => r.finished_at).map((r) => [r.migration_name, r.checksum]));
    for (const name of listMigrations(dir)) {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      if (done.has(name)) {
        if (done.get(name) !== checksum) throw new Error(`Migration ${name} was changed after it was applied (checksum differs)`);
        continue;
      }
      const id = crypto.randomUUID();
      await raw.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [id, checksum, name]);
      try {
        await raw.exec(sql);
      } catch (e) {
        await raw.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String((e as Error).message)]);
        throw new Error(`Migration ${name} failed: ${(e as Error).message}`);
      }
      await raw.query(`UPDATE "_prisma_migrations" SET applied_steps_count = 1, finished_at = now() WHERE id = $1`, [id]);
      applied.push(name);
    }
  } finally {
    await raw.query("SELECT pg_advisory_unlock($1)", [PRISMA_LOCK_KEY]);
  }
  return applied;
}

export async function migrationState(raw: Raw, dir = migrationsDir()): Promise<MigrationState> {
  const all = listMigrations(dir);
  let rows: Row[] = [];
  try {
    rows = await raw.query<Row>(`SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations"`);
  } catch {
    rows = [];
  }
  const applied = rows.filter((r) => r.finished_at).map((r) => r.migration_name);
  const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  const pending = all.filter((n) => !applied.includes(n));
  return { applied, pending, failed, current: pending.length === 0 && failed.length === 0 };
}
