// `npm run db:migrate`: apply pending migrations to the configured database (DATABASE_URL, or
// the embedded PGlite under DATA_DIR — stop the server first: one process per PGlite folder).
// With MIGRATION_DATABASE_URL set, migrates as that owner role and grants DATABASE_URL's role.
import "./demo-default";
import { raw, closeDb } from "../lib/db";
import { migrationState } from "../lib/db/migrate";
import { migrateDatabase } from "../lib/db/migrate-database";
import { env } from "../lib/env";

const applied = await migrateDatabase(env(), raw());
const state = await migrationState(raw());
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
console.log(`${state.applied.length} migrations applied; current: ${state.current}`);
await closeDb();
