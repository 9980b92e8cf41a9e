// Vitest global setup of the int-postgres project: the owner and runtime roles exist (created as the
// superuser of TEST_DATABASE_URL) before any test file connects as them.
//
// Every file drops and recreates the schema, so two runs on one database (a second checkout, a CI
// job started while a developer's run goes on) would break each other with deadlocks and "schema
// concurrently dropped". A session advisory lock held for the whole run makes a second run wait
// for the first instead.
import pg from "pg";
import { ensureSplitRoles } from "./split-roles";
import { assertLocalDatabase } from "./assert-local-database";

/** Any constant works: the lock lives in this database only. */
const RUN_LOCK = 0x6d756b68; // "mukh"

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  assertLocalDatabase(url);
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  const { rows } = await lock.query<{ got: boolean }>("SELECT pg_try_advisory_lock($1) AS got", [RUN_LOCK]);
  if (!rows[0].got) {
    console.log(`Another test run holds ${new URL(url).pathname.slice(1)}; waiting for it to finish…`);
    await lock.query("SELECT pg_advisory_lock($1)", [RUN_LOCK]);
  }
  await ensureSplitRoles(url);
  return async () => {
    await lock.end();
  };
}
