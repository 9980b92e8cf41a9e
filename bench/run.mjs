#!/usr/bin/env node
// `npm run bench -- <name> [args…]` runs bench/<name>/run.mjs (e.g. `npm run bench -- ingest`).
// Results and the machine they ran on are written up in docs/BENCHMARKS.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.dirname(new URL(import.meta.url).pathname);
const [name, ...rest] = process.argv.slice(2);
const available = fs
  .readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, d.name, "run.mjs")))
  .map((d) => d.name);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join("|")}> [args…]`);
  process.exit(2);
}
const r = spawnSync(process.execPath, [path.join(root, name, "run.mjs"), ...rest], {
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
});
process.exit(r.status ?? 1);
