#!/usr/bin/env node
// `npm run bench -- reliability [all|redeliveries|crash|outage|fuzz|fan-out] [--seed=N]`: the
// reliability suite (lib/testing/system, ADR 0160) at the sizes — 10,000 deliveries, three
// kills, 100,000 fuzz payloads, 300 streams × 50 tips — against `next start` from the current build
// (`npx next build` first; NEXT_DIST_DIR picks another folder). Prints the figures of each part,
// writes them to bench/results/reliability.json and exits 1 when any part found a violation.
//   RELIABILITY_DATABASE_URL  default postgresql://postgres@127.0.0.1:5432/mukhbir_reliability_bench
//                             (created when missing, reset by each part; local databases only)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureDatabase } from "../../scripts/ensure-database.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const dist = process.env.NEXT_DIST_DIR || ".next";
if (!fs.existsSync(path.join(root, dist, "BUILD_ID"))) {
  console.error(`No build in ${dist}: run npx next build first.`);
  process.exit(1);
}
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  RELIABILITY_SIZES: "bench",
  RELIABILITY_DATABASE_URL:
    process.env.RELIABILITY_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/mukhbir_reliability_bench",
};
await ensureDatabase(
  env.RELIABILITY_DATABASE_URL,
  "Set RELIABILITY_DATABASE_URL to a local PostgreSQL database the bench may reset.",
);
const r = spawnSync(
  process.execPath,
  [
    path.join(root, "node_modules/tsx/dist/cli.mjs"),
    path.join(root, "bench/reliability/run.ts"),
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit", env },
);
process.exit(r.status ?? 1);
