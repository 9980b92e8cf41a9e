// Integration tests run against a real database: an in-memory PGlite per test file, or the
// PostgreSQL in TEST_DATABASE_URL (project int-postgres), reset to an empty schema per file.
import { beforeAll, afterAll } from "vitest";
import { closeDb, raw } from "../db";
import { migrate } from "../db/migrate";
import { runDataSteps } from "../db/data-steps";
import { assertLocalDatabase } from "./assert-local-database";

beforeAll(async () => {
  if (process.env.EXPECT_POSTGRES && !process.env.DATABASE_URL)
    throw new Error("The PostgreSQL integration run needs TEST_DATABASE_URL (a local database it may reset); `npm test` sets a default.");
  if (process.env.DATABASE_URL) {
    assertLocalDatabase(process.env.DATABASE_URL);
    await raw().exec(`DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS mukhbir_internal CASCADE; CREATE SCHEMA public;`);
  }
  await migrate(raw());
  await runDataSteps(raw());
});

afterAll(async () => {
  await closeDb();
});
