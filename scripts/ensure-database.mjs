// Creates the PostgreSQL database a URL names when it is missing (through the server's `postgres`
// database); exits with a clear message when PostgreSQL is not there. Used by `npm test` and by every
// benchmark, so neither stops on a fresh machine for want of its database.
import pg from "pg";

/** `hint`: what the caller needs the database for and how to point it elsewhere. */
export async function ensureDatabase(
  url,
  hint = "Start it (see README) or set its URL to a local database that may be reset.",
) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (e) {
    console.error(`PostgreSQL is needed here (${u.host}/${name}): ${e.message}`);
    console.error(hint);
    process.exit(1);
  } finally {
    await c.end().catch(() => undefined);
  }
}
