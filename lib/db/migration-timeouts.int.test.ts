// Migrations run without the request pool's statement limit (MIGRATION_TIMEOUTS): a schema change
// over a large archive takes minutes, and under the limit an upgraded install would never start.
// Shown with a statement longer than a small request limit: cancelled on a request engine, run on
// a migration engine (both the server-side statement_timeout and pg's client-side query_timeout).
import { describe, expect, it } from "vitest";
import { MIGRATION_TIMEOUTS, openEngine } from "./engine";

const url = process.env.DATABASE_URL;

describe.runIf(!!url)("migration connections", () => {
  it("have no statement limit, where request connections do", async () => {
    const request = openEngine({ databaseUrl: url, dataDir: "", timeouts: { connectMs: 5_000, statementMs: 500 } });
    const migration = openEngine({ databaseUrl: url, dataDir: "", timeouts: MIGRATION_TIMEOUTS });
    try {
      await expect(request.raw.exec("SELECT pg_sleep(2.5)")).rejects.toThrow(/statement timeout|timeout/i);
      await expect(migration.raw.exec("SELECT pg_sleep(2.5)")).resolves.toBeUndefined();
      const [row] = await migration.raw.query<{ statement_timeout: string }>("SHOW statement_timeout");
      expect(row.statement_timeout).toBe("0");
    } finally {
      await request.raw.close();
      await migration.raw.close();
    }
  });
});
