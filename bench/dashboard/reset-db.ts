// Empties the benchmark database and applies the app's migrations (the same code start-up runs).
import { openEngine } from "../../lib/db/engine";
import { migrate } from "../../lib/db/migrate";
import { assertLocalDatabase } from "../../lib/testing/assert-local-database";

const url = process.argv[2];
if (!url) throw new Error("usage: reset-db.ts <postgres url>");
assertLocalDatabase(url);
const { raw } = openEngine({ databaseUrl: url, dataDir: "unused" });
await raw.exec(
  `DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS mukhbir_internal CASCADE; CREATE SCHEMA public;`,
);
const applied = await migrate(raw);
console.log(`migrated (${applied.length} migrations)`);
await raw.close();
