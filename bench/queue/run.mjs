#!/usr/bin/env node
// `npm run bench -- queue [ttfb|per-row|render-rows|live-latency] [args…]` (default ttfb): runs one of
// the queue benches with tsx, with the defaults written up in docs/BENCHMARKS.md (Queue):
//   QUEUE_BENCH_DATABASE_URL  postgresql://postgres@127.0.0.1:5432/mukhbir_queue_bench (ttfb.ts
//                             creates it and `<name>_1000000` if missing, then resets both)
//   NEXT_DIST_DIR             .next-queue; build it first:
//                             NEXT_DIST_DIR=.next-queue npx next build
// per-row measures the 1M database ttfb seeded (`<name>_1000000`; run ttfb first).
// The benches also run directly, e.g. `node node_modules/tsx/dist/cli.mjs bench/queue/ttfb.ts`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const BENCHES = {
  ttfb: "ttfb.ts",
  "per-row": "per-row.ts",
  "render-rows": "render-rows.tsx",
  "live-latency": "live-latency.ts",
};
const args = process.argv.slice(2);
const name = args.length ? args.shift() : "ttfb";
if (!(name in BENCHES)) {
  console.error(`usage: npm run bench -- queue [${Object.keys(BENCHES).join("|")}] [args…]`);
  process.exit(2);
}
const dist = process.env.NEXT_DIST_DIR ?? ".next-queue";
const db = process.env.QUEUE_BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mukhbir_queue_bench";

if (name !== "render-rows" && !fs.existsSync(path.join(root, dist, "BUILD_ID"))) {
  console.error(`No build in ${dist}: run NEXT_DIST_DIR=${dist} npx next build first.`);
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: dist };
if (name === "render-rows") env.NODE_ENV = "production";
if (name === "ttfb") env.QUEUE_BENCH_DATABASE_URL = db; // ttfb.ts creates it if missing
if (name === "per-row") {
  // The database ttfb.ts seeded with a million tips (`<name>_1000000`).
  const u = new URL(db);
  u.pathname = `${u.pathname}_1000000`;
  env.QUEUE_BENCH_DATABASE_URL = u.toString();
}
const r = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "bench/queue", BENCHES[name]), ...args],
  { cwd: root, stdio: "inherit", env },
);
process.exit(r.status ?? 1);
