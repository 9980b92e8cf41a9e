// Vitest global setup of the int-postgres project: the owner and runtime roles exist (created as the
// superuser of TEST_DATABASE_URL) before any test file connects as them.
import { ensureSplitRoles } from "./split-roles";
import { assertLocalDatabase } from "./assert-local-database";

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  assertLocalDatabase(url);
  await ensureSplitRoles(url);
}
