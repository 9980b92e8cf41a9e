// Integration tests run as the app's runtime role on PostgreSQL (ADR 0014). What only the owner may
// do — schema resets, a test's own tables and triggers, a tampering DBA's edits — goes through this
// owner connection. On PGlite, or with one role, it is the app's own connection.
import { raw } from "../db";
import { openEngine, type Raw } from "../db/engine";
import { grantRuntimeRole } from "../db/grant-runtime-role";

let owner: Raw | undefined;

function split(): { ownerUrl: string; appRole: string } | null {
  const app = process.env.DATABASE_URL;
  const ownerUrl = process.env.MIGRATION_DATABASE_URL;
  if (!app || !ownerUrl || ownerUrl === app) return null;
  return { ownerUrl, appRole: decodeURIComponent(new URL(app).username) };
}

export function ownerRaw(): Raw {
  const s = split();
  if (!s) return raw();
  owner ??= openEngine({ databaseUrl: s.ownerUrl, dataDir: "memory://" }).raw;
  return owner;
}

/** After a test created tables as the owner: let the runtime role use them, as migrations do. */
export async function grantRuntime() {
  const s = split();
  if (s) await grantRuntimeRole(ownerRaw(), s.appRole);
}

export async function closeOwnerRaw() {
  await owner?.close();
  owner = undefined;
}
