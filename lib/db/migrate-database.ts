// Start-up migrations with the right role (ADR 0014). PostgreSQL: migrate as the owner
// (MIGRATION_DATABASE_URL), then grant the runtime role (DATABASE_URL's user) what it needs; without
// MIGRATION_DATABASE_URL one role does both, with a warning. PGlite has no roles: one connection.
import { openEngine, type Raw } from "./engine";
import { migrate } from "./migrate";
import { grantRuntimeRole } from "./grant-runtime-role";
import type { Env } from "../env";
import { log } from "../log";

export async function migrateDatabase(e: Env, runtime: Raw): Promise<string[]> {
  if (!e.DATABASE_URL) return migrate(runtime);
  if (!e.MIGRATION_DATABASE_URL) {
    log.warn("MIGRATION_DATABASE_URL is not set: the app migrates and runs as one database role, which can rewrite the audit trail. See README → Database roles.");
    return migrate(runtime);
  }
  const runtimeRole = decodeURIComponent(new URL(e.DATABASE_URL).username);
  const ownerRole = decodeURIComponent(new URL(e.MIGRATION_DATABASE_URL).username);
  const owner = openEngine({ databaseUrl: e.MIGRATION_DATABASE_URL, dataDir: e.DATA_DIR });
  try {
    const applied = await migrate(owner.raw);
    if (runtimeRole && runtimeRole !== ownerRole) await grantRuntimeRole(owner.raw, runtimeRole);
    return applied;
  } finally {
    await owner.raw.close();
  }
}
