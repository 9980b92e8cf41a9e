#!/usr/bin/env node
// `npm run bench -- search`: search and watch-matching cost at 1k and 1M tips (ADR 0700, 0702) on
// PostgreSQL: SEARCH_BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/mukhbir_search_bench)
// gets `_<size>` per size, created if missing and seeded once (1M takes minutes). SEARCH_BENCH_SIZES
// (default 1000,1000000), SEARCH_BENCH_ROUNDS (default 3), SEARCH_BENCH_RUNS per round (default 40).
// Prints each size's medians and the ratio of the largest to the smallest.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureDatabase } from "../../scripts/ensure-database.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const base = process.env.SEARCH_BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mukhbir_search_bench";
const sizes = (process.env.SEARCH_BENCH_SIZES ?? "1000,1000000").split(",").map(Number);
const secrets = {
  AUTH_SECRET: "bench-auth-secret-0123456789abcdefghijklmnop",
  IDENTITY_PEPPER: "bench-pepper-0123456789abcdefghijklmnopqrstuv",
  AUDIT_KEY: "bench-audit-key-0123456789abcdefghijklmnopq",
  IDENTITY_KEYS: "b1:" + Buffer.alloc(32, 5).toString("base64"),
  IDENTITY_ACTIVE_KEY: "b1",
};
// The machine is shared: each round runs every size once, in turn, so a burst of someone else's load
// falls on both sizes alike; a measure is the median of its per-round medians (with their range).
const rounds = Number(process.env.SEARCH_BENCH_ROUNDS ?? 3);
const runs = Object.fromEntries(sizes.map((s) => [s, []]));
for (let round = 0; round < rounds; round++)
  for (const size of sizes) {
    const url = new URL(base);
    url.pathname = `${url.pathname}_${size}`;
    await ensureDatabase(url.toString());
    const r = spawnSync(
      process.execPath,
      [
        path.join(root, "node_modules/tsx/dist/cli.mjs"),
        "--conditions=react-server",
        path.join(root, "bench/search/search.ts"),
        String(size),
      ],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, ...secrets, DATABASE_URL: url.toString(), NEXT_TELEMETRY_DISABLED: "1" },
        encoding: "utf8",
      },
    );
    if (r.status !== 0) process.exit(r.status ?? 1);
    const line = r.stdout.trim().split("\n").pop();
    runs[size].push(JSON.parse(line));
    console.log(line);
  }
const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = sizes.map((size) => {
  const out = { size };
  for (const k of Object.keys(runs[size][0]).filter((k) => k !== "size")) {
    const xs = runs[size].map((x) => x[k]);
    out[k] = { ms: mid(xs), lo: Math.min(...xs), hi: Math.max(...xs) };
  }
  return out;
});
if (results.length > 1) {
  const [a, b] = [results[0], results[results.length - 1]];
  const f = (m) => `${m.ms.toFixed(2)} ms (${m.lo.toFixed(1)}–${m.hi.toFixed(1)})`;
  for (const k of Object.keys(a).filter((k) => k !== "size"))
    console.log(`${k}: ${f(a[k])} at ${a.size}, ${f(b[k])} at ${b.size} — ×${(b[k].ms / a[k].ms).toFixed(2)}`);
}
