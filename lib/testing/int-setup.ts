// Integration tests run against a real database: an in-memory PGlite per test file, or the
// PostgreSQL in TEST_DATABASE_URL (project int-postgres), reset to an empty schema per file. On
// PostgreSQL the tests run as the runtime role and migrate as the owner role (ADR 0014).
import { beforeAll, afterAll } from "vitest";
import { closeDb, raw } from "../db";
import { migrateDatabase } from "../db/migrate-database";
import { env } from "../env";
import { assertLocalDatabase } from "./assert-local-database";
import { closeOwnerRaw, ownerRaw } from "./owner-raw";

beforeAll(async () => {
  if (process.env.EXPECT_POSTGRES && !process.env.DATABASE_URL)
    throw new Error(
      "The PostgreSQL integration run needs TEST_DATABASE_URL (a local database it may reset); `npm test` sets a default.",
    );
  if (process.env.DATABASE_URL) {
    assertLocalDatabase(process.env.DATABASE_URL);
    await ownerRaw().exec(
      `DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS mukhbir_internal CASCADE; CREATE SCHEMA public;`,
    );
  }
  await migrateDatabase(env(), raw());
});

afterAll(async () => {
  await closeOwnerRaw();
  await closeDb();
});
