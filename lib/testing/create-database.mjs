// Creates the PostgreSQL database a URL names when it is missing, through the server's `postgres`
// database. Plain JavaScript so that both `npm test`/the benches (scripts/, bench/) and the
// reliability stack (lib/testing/system) share it; callers decide how a failure is reported.
import pg from "pg";

/** Throws when PostgreSQL cannot be reached; does nothing when the database exists. */
export async function createDatabaseIfMissing(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await c.end().catch(() => undefined);
  }
}
