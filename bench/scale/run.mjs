#!/usr/bin/env node
// `npm run bench -- scale`: the queue, a tip page, queue search and the dashboard at 1k and at 10M
// tips on PostgreSQL (issue 17 item 8), each page's time to first byte at every size and the ratio
// to the smallest (target: every page within 3× of its 1k figure). Results in docs/BENCHMARKS.md.
//
//   node bench/scale/run.mjs [--sizes=1000,10000000] [--runs=20] [--keep] [--seed-only]
// Each size gets the database mukhbir_scale_bench_<size> (created if missing; SCALE_BENCH_DATABASE_URL
// names another server or prefix) and is emptied and seeded, unless --keep finds it seeded to that
// size already (seeding 10M takes about an hour on 2 cores), or part-seeded: then the seeding goes
// on from the last finished step. --seed-only stops after seeding. Builds into NEXT_DIST_DIR
// (default .next-scale) when no build is there. Details: bench/scale/scale.ts and seed-db.ts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const DIST = process.env.NEXT_DIST_DIR ?? ".next-scale";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST };

if (!fs.existsSync(path.join(root, DIST, "BUILD_ID"))) {
  // A build into another dist dir adds its types to tsconfig.json's include: put the file back.
  const tsconfig = fs.readFileSync(path.join(root, "tsconfig.json"), "utf8");
  const b = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  fs.writeFileSync(path.join(root, "tsconfig.json"), tsconfig);
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const r = spawnSync(
  process.execPath,
  ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "bench/scale/scale.ts", ...process.argv.slice(2)],
  { cwd: root, env, stdio: "inherit" },
);
process.exit(r.status ?? 1);
