// Start-up migrations with the right role (ADR 0014). PostgreSQL: migrate as the owner
// (MIGRATION_DATABASE_URL), then grant the runtime role (DATABASE_URL's user) what it needs; without
// MIGRATION_DATABASE_URL one role does both, with a warning. PGlite has no roles: one connection.
import { MIGRATION_TIMEOUTS, openEngine, type Raw } from "./engine";
import { migrate } from "./migrate";
import { runDataSteps } from "./data-steps";
import { grantRuntimeRole } from "./grant-runtime-role";
import type { Env } from "../env";
import { log } from "../log";

/** Migrations and function files (lib/db/migrate.ts), then the data steps (lib/db/data-steps.ts), as one role. */
async function migrateAll(raw: Raw): Promise<string[]> {
  return [...(await migrate(raw)), ...(await runDataSteps(raw))];
}

export async function migrateDatabase(e: Env, runtime: Raw): Promise<string[]> {
  if (!e.DATABASE_URL) return migrateAll(runtime);
  if (!e.MIGRATION_DATABASE_URL)
    log.warn(
      "MIGRATION_DATABASE_URL is not set: the app migrates and runs as one database role, which can rewrite the audit trail. See README → Database roles.",
    );
  const url = e.MIGRATION_DATABASE_URL || e.DATABASE_URL;
  const runtimeRole = decodeURIComponent(new URL(e.DATABASE_URL).username);
  const ownerRole = decodeURIComponent(new URL(url).username);
  // Its own connections, without the request pool's statement limit (MIGRATION_TIMEOUTS).
  const owner = openEngine({ databaseUrl: url, dataDir: e.DATA_DIR, timeouts: MIGRATION_TIMEOUTS });
  try {
    const applied = await migrateAll(owner.raw);
    if (runtimeRole && runtimeRole !== ownerRole) await grantRuntimeRole(owner.raw, runtimeRole);
    return applied;
  } finally {
    await owner.raw.close();
  }
}
