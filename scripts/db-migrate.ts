// `npm run db:migrate`: apply pending migrations to the configured database (DATABASE_URL, or
// the embedded PGlite under DATA_DIR — stop the server first: one process per PGlite folder).
import { raw, closeDb } from "../lib/db";
import { migrate, migrationState } from "../lib/db/migrate";
import { runDataSteps } from "../lib/db/data-steps";

const applied = [...(await migrate(raw())), ...(await runDataSteps(raw()))];
const state = await migrationState(raw());
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
console.log(`${state.applied.length} migrations applied; current: ${state.current}`);
await closeDb();
