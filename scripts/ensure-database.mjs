// The database a URL names exists before `npm test` or a benchmark uses it, so neither stops on a
// fresh machine for want of its database; without PostgreSQL it exits with a clear message.
import { createDatabaseIfMissing } from "../lib/testing/create-database.mjs";

/** `hint`: what the caller needs the database for and how to point it elsewhere. */
export async function ensureDatabase(
  url,
  hint = "Start it (see README) or set its URL to a local database that may be reset.",
) {
  try {
    await createDatabaseIfMissing(url);
  } catch (e) {
    const u = new URL(url);
    console.error(`PostgreSQL is needed here (${u.host}${u.pathname}): ${e.message}`);
    console.error(hint);
    process.exit(1);
  }
}
