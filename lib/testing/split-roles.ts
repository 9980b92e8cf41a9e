// Least-privilege roles for the PostgreSQL test runs (ADR 0014): from a superuser URL to a test
// database, the URLs of an owner role (migrations, DDL a test needs) and a runtime role (everything
// the app does). Role names derive from the database name, so parallel checkouts with their own
// databases never share roles. `ensureSplitRoles` creates them idempotently (the CI runs as the
// postgres superuser) and hands the database's schemas to the owner.
import pg from "pg";
import { quoteRole } from "../db/grant-runtime-role.ts";

export function splitRoleUrls(superuserUrl: string) {
  const u = new URL(superuserUrl);
  const db = decodeURIComponent(u.pathname.slice(1));
  const as = (role: string) => {
    const v = new URL(superuserUrl);
    v.username = role;
    v.password = "";
    return { role, url: v.toString() };
  };
  return { database: db, owner: as(`${db}_owner`), app: as(`${db}_app`) };
}

export async function ensureSplitRoles(superuserUrl: string) {
  const { database, owner, app } = splitRoleUrls(superuserUrl);
  const c = new pg.Client({ connectionString: superuserUrl });
  await c.connect();
  try {
    for (const role of [owner.role, app.role]) {
      const exists = await c.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
      if (!exists.rowCount)
        await c.query(`CREATE ROLE ${quoteRole(role)} LOGIN`).catch((e) => {
          // Another run created it meanwhile.
          if (!/already exists/.test(String(e))) throw e;
        });
    }
    const o = quoteRole(owner.role);
    // The owner may create schemas and (trusted) extensions here; schemas left by earlier runs as the
    // superuser go, and `public` belongs to the owner from now on. The runtime role gets only grants.
    await c.query(`GRANT CONNECT, CREATE, TEMPORARY ON DATABASE "${database.replace(/"/g, "")}" TO ${o}`);
    await c.query(
      `DROP SCHEMA IF EXISTS mukhbir_internal CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public AUTHORIZATION ${o};`,
    );
  } finally {
    await c.end();
  }
  return { owner, app };
}
