#!/usr/bin/env node
// Runs Prisma's CLI with the offline schema engine (scripts/prisma-engine), so `generate`,
// `migrate diff` and `migrate dev` never try to download a native binary.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const engine = path.join(here, "prisma-engine", "schema-engine");
const cli = path.join(here, "..", "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    // Without a PostgreSQL URL the engine works on a throwaway in-memory PGlite (diffs, shadow database).
    ...(process.env.DATABASE_URL ? {} : { SHIM_PGLITE_DIR: "memory://" }),
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: engine,
  },
});
process.exit(result.status ?? 1);
