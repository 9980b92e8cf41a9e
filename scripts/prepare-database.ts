// Run by `npm start` (scripts/start.mjs) before the server: the database half of start-up
// (lib/prepare-database.ts) in a process that exits when it is done. Migrating and seeding a fresh
// database grows PGlite's WASM heap, which never shrinks; done here, the long-lived server opens a
// prepared database and never carries that high-water mark (ADR 0806). A bad configuration exits 1
// with the same message the server would print.
import { envOrExit } from "../lib/env";
import { closeDb } from "../lib/db";
import { prepareDatabase } from "../lib/prepare-database";

const e = envOrExit();
await prepareDatabase(e);
await closeDb();
// Nothing else to wait for (a pool's timer or a log stream must not keep the server waiting).
process.exit(0);
