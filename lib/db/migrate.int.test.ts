import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ownerRaw } from "../testing/owner-raw";
import { applyFunctions, functionsDir, migrate, migrationState, migrationsDir } from "./migrate";
import { openEngine } from "./engine";

const prismaCli = (args: string[], extraEnv: Record<string, string>) =>
  spawnSync(process.execPath, ["scripts/prisma.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...extraEnv },
    timeout: 120_000,
  });

describe("migrations", () => {
  it("apply from empty and are recorded as prisma migrate deploy records them", async () => {
    const rows = await ownerRaw().query<{
      migration_name: string;
      checksum: string;
      finished_at: Date;
      applied_steps_count: number;
      logs: string | null;
    }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count, logs FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const names = fs
      .readdirSync(migrationsDir())
      .filter((n) => fs.existsSync(path.join(migrationsDir(), n, "migration.sql")));
    expect(rows.map((r) => r.migration_name)).toEqual(names.sort());
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeTruthy();
      expect(r.applied_steps_count).toBe(1);
    }
    expect((await migrationState(ownerRaw())).current).toBe(true);
  });

  it("is idempotent: a second run applies nothing", async () => {
    expect(await migrate(ownerRaw())).toEqual([]);
  });

  it("produce exactly schema.prisma (prisma migrate diff is empty)", () => {
    // Prisma diffs through a shadow database it creates: that needs the superuser of TEST_DATABASE_URL
    // (the owner and runtime roles may not create databases).
    const env: Record<string, string> = process.env.DATABASE_URL
      ? { DATABASE_URL: process.env.TEST_DATABASE_URL || process.env.DATABASE_URL }
      : {};
    const r = prismaCli(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      env,
    );
    expect(r.stdout + r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
  });

  it("leave the database our migrator built identical to schema.prisma", async () => {
    if (process.env.DATABASE_URL) {
      const r = prismaCli(
        ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"],
        {
          DATABASE_URL: process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL,
        },
      );
      expect(r.status, r.stdout + r.stderr).toBe(0);
      return;
    }
    // PGlite: migrate a folder with our code, close it, then let Prisma's engine inspect it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-diff-"));
    const engine = openEngine({ dataDir: dir });
    await migrate(engine.raw);
    await engine.raw.close();
    fs.rmSync(path.join(dir, "pglite.lock"), { force: true });
    const r = prismaCli(
      ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      {
        SHIM_PGLITE_DIR: path.join(dir, "pglite"),
      },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it("refuses to go on when an applied migration was edited", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-mig-"));
    fs.cpSync(migrationsDir(), tmp, { recursive: true });
    const first = fs
      .readdirSync(tmp)
      .filter((n) => !n.endsWith(".toml"))
      .sort()[0];
    fs.appendFileSync(path.join(tmp, first, "migration.sql"), "\n-- edited\n");
    await expect(migrate(ownerRaw(), tmp)).rejects.toThrow(/changed after it was applied/);
  });

  it("records a failing migration and blocks later runs", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-mig-"));
    fs.cpSync(migrationsDir(), tmp, { recursive: true });
    fs.mkdirSync(path.join(tmp, "29991231000000_broken"));
    fs.writeFileSync(
      path.join(tmp, "29991231000000_broken", "migration.sql"),
      "CREATE TABLE ok_part (id int); SELECT * FROM no_such_table;",
    );
    await expect(migrate(ownerRaw(), tmp)).rejects.toThrow(/29991231000000_broken failed/);
    // The whole file ran as one implicit transaction: nothing of it stayed.
    const leaked = await ownerRaw().query(`SELECT to_regclass('ok_part') AS t`);
    expect(leaked[0].t).toBeNull();
    await expect(migrate(ownerRaw(), tmp)).rejects.toThrow(/blocks the rest/);
    await ownerRaw().query(`DELETE FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`);
  });

  it("applies every function file once, again only when it changed, and a failing one not at all", async () => {
    const recorded = await ownerRaw().query<{ name: string }>(
      `SELECT "name" FROM mukhbir_internal.schema_functions ORDER BY "name"`,
    );
    const files = fs
      .readdirSync(functionsDir())
      .filter((f) => f.endsWith(".sql"))
      .map((f) => f.slice(0, -4))
      .sort();
    expect(recorded.map((r) => r.name)).toEqual(files);
    expect(await applyFunctions(ownerRaw())).toEqual([]);

    // The real folder plus a probe: a folder without the real files would retire their records
    // (the "removed file" rule) and leave every later migrate() re-applying them.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-fn-"));
    fs.cpSync(functionsDir(), tmp, { recursive: true });
    const fn = (body: string) =>
      `CREATE OR REPLACE FUNCTION mukhbir_internal.zz_probe() RETURNS int LANGUAGE sql AS $$ ${body} $$;`;
    fs.writeFileSync(path.join(tmp, "zz_probe.sql"), fn("SELECT 1"));
    expect(await applyFunctions(ownerRaw(), tmp)).toEqual(["functions/zz_probe"]);
    expect(await applyFunctions(ownerRaw(), tmp)).toEqual([]);
    fs.writeFileSync(path.join(tmp, "zz_probe.sql"), fn("SELECT 2"));
    expect(await applyFunctions(ownerRaw(), tmp)).toEqual(["functions/zz_probe"]);
    expect((await ownerRaw().query<{ v: number }>("SELECT mukhbir_internal.zz_probe() AS v"))[0].v).toBe(2);

    // A file that fails leaves neither its function nor its record changed.
    fs.writeFileSync(path.join(tmp, "zz_probe.sql"), fn("SELECT 3") + " SELECT * FROM no_such_table;");
    await expect(applyFunctions(ownerRaw(), tmp)).rejects.toThrow(/zz_probe.sql failed/);
    expect((await ownerRaw().query<{ v: number }>("SELECT mukhbir_internal.zz_probe() AS v"))[0].v).toBe(2);
    // Removing the probe's file retires its record (and only its record); the real ones stay as recorded.
    await ownerRaw().exec(`DROP FUNCTION mukhbir_internal.zz_probe();`);
    fs.rmSync(path.join(tmp, "zz_probe.sql"));
    expect(await applyFunctions(ownerRaw(), tmp)).toEqual([]);
    expect(
      (
        await ownerRaw().query<{ name: string }>(`SELECT "name" FROM mukhbir_internal.schema_functions ORDER BY "name"`)
      ).map((r) => r.name),
    ).toEqual(files);
  });
});
