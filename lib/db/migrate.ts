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

/** Functions, views and triggers: one file each, re-applied whenever the file changes (see applyFunctions). */
export function functionsDir() {
  return path.resolve(process.cwd(), "prisma", "functions");
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

type Row = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
};

export async function migrate(raw: Raw, dir = migrationsDir(), functions = functionsDir()): Promise<string[]> {
  const applied: string[] = [];
  // PGlite has one connection, so the session-level lock is only meaningful on PostgreSQL,
  // but taking it on both keeps one code path.
  await raw.query("SELECT pg_advisory_lock($1)", [PRISMA_LOCK_KEY]);
  try {
    await raw.exec(CREATE_TABLE);
    const rows = await raw.query<Row>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations"`,
    );
    const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
    if (failed)
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and blocks the rest (like Prisma's P3009): ${failed.logs ?? ""}`,
      );
    const done = new Map(rows.filter((r) => r.finished_at).map((r) => [r.migration_name, r.checksum]));
    for (const name of listMigrations(dir)) {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      if (done.has(name)) {
        if (done.get(name) !== checksum)
          throw new Error(`Migration ${name} was changed after it was applied (checksum differs)`);
        continue;
      }
      const id = crypto.randomUUID();
      await raw.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
        id,
        checksum,
        name,
      ]);
      try {
        await raw.exec(sql);
      } catch (e) {
        await raw.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String((e as Error).message)]);
        throw new Error(`Migration ${name} failed: ${(e as Error).message}`);
      }
      await raw.query(`UPDATE "_prisma_migrations" SET applied_steps_count = 1, finished_at = now() WHERE id = $1`, [
        id,
      ]);
      applied.push(name);
    }
    applied.push(...(await applyFunctions(raw, functions)));
  } finally {
    await raw.query("SELECT pg_advisory_unlock($1)", [PRISMA_LOCK_KEY]);
  }
  return applied;
}

export async function migrationState(raw: Raw, dir = migrationsDir()): Promise<MigrationState> {
  const all = listMigrations(dir);
  let rows: Row[] = [];
  try {
    rows = await raw.query<Row>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations"`,
    );
  } catch {
    rows = [];
  }
  const applied = rows.filter((r) => r.finished_at).map((r) => r.migration_name);
  const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  const pending = all.filter((n) => !applied.includes(n));
  return { applied, pending, failed, current: pending.length === 0 && failed.length === 0 };
}

const CREATE_FUNCTIONS_TABLE = `CREATE SCHEMA IF NOT EXISTS mukhbir_internal;
CREATE TABLE IF NOT EXISTS mukhbir_internal.schema_functions (
  "name" text PRIMARY KEY,
  "checksum" varchar(64) NOT NULL,
  "applied_at" timestamptz NOT NULL DEFAULT now()
)`;

/**
 * The repeatable phase, after the migrations (which keep only schema changes): every
 * `prisma/functions/<name>.sql` holds the one current definition of a function (with its trigger,
 * if any) as `CREATE OR REPLACE`, and is re-applied whenever its checksum differs from the one
 * recorded in `mukhbir_internal.schema_functions`. Each file runs as one simple-protocol script
 * together with its record, so it applies whole or not at all. Function bodies are not checked at
 * creation (as pg_dump does), so files may refer to each other in any order.
 */
export async function applyFunctions(raw: Raw, dir = functionsDir()): Promise<string[]> {
  // turbopackIgnore: the folder is read at run time, never bundled or traced.
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  await raw.exec(CREATE_FUNCTIONS_TABLE);
  const rows = await raw.query<{ name: string; checksum: string }>(
    `SELECT "name", "checksum" FROM mukhbir_internal.schema_functions`,
  );
  const done = new Map(rows.map((r) => [r.name, r.checksum]));
  const applied: string[] = [];
  for (const file of fs
    .readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    const name = file.slice(0, -4);
    const sql = fs.readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, file), "utf8");
    const checksum = crypto.createHash("sha256").update(sql).digest("hex");
    if (done.get(name) === checksum) continue;
    const record = `INSERT INTO mukhbir_internal.schema_functions ("name", "checksum") VALUES ('${name.replace(/'/g, "''")}', '${checksum}')
      ON CONFLICT ("name") DO UPDATE SET "checksum" = EXCLUDED."checksum", "applied_at" = now()`;
    try {
      await raw.exec(`SET LOCAL check_function_bodies = off;\n${sql}\n;\n${record}`);
    } catch (e) {
      throw new Error(`Function file ${file} failed: ${(e as Error).message}`);
    }
    applied.push(`functions/${name}`);
  }
  // A file removed from the folder was retired by a migration (which dropped its function): forget it.
  const present = new Set(
    fs
      .readdirSync(/*turbopackIgnore: true*/ dir)
      .filter((f) => f.endsWith(".sql"))
      .map((f) => f.slice(0, -4)),
  );
  const gone = [...done.keys()].filter((n) => !present.has(n));
  if (gone.length)
    await raw.query(`DELETE FROM mukhbir_internal.schema_functions WHERE "name" = ANY($1::text[])`, [gone]);
  return applied;
}
