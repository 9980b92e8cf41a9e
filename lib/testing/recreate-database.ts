// An empty PostgreSQL database beside the test one (for restores and upgrades): dropped if it
// exists and created again, through the server's maintenance database. Local test URLs only.
import pg from "pg";

/** Drops and creates the database `url` names; returns `url`. */
export async function recreateDatabase(url: string): Promise<string> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}"`);
    await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await c.end();
  }
  return url;
}
