#!/usr/bin/env node
// Dashboard time to first byte at 1k and 1M tips on PostgreSQL, signed in as a supervisor.
// For each size: empty + migrate the bench database, start `next start` on it (demo users), seed
// with bench/dashboard/seed.sql (INSERT … SELECT generate_series), VACUUM ANALYZE, then request
// /dashboard for the 7- and 30-day ranges repeatedly and report p50/p95 of TTFB and total time.
//
//   node bench/dashboard/run.mjs [--sizes=1000,1000000] [--runs=30] [--port=3609] [--keep] [--churn=1000]
// --keep reuses the database when it already holds exactly that many tips (seeding 1M takes minutes).
// --churn=MS: while measuring, every MS one tip arrives, one is claimed and one recent tip is closed
// (bench/dashboard/churn.mjs), so rollup rebuilds of dirtied days land in the timings; 0 = none.
// The first request of each path after seeding builds the range's rollups: reported as "first".
// --fresh-start: then, as after a deploy whose migration cleared the rollups, empty them, start the
// server again with its worker on, and time the first view of each range once the start-up rollup
// job (lib/dashboard/warm-rollups.ts) is done (issue 17 item 7), with how long that job took.
// Needs a build in NEXT_DIST_DIR (default .next-dash): NEXT_DIST_DIR=.next-dash npx next build
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { startChurn } from "./churn.mjs";
import { supervisorCode } from "./supervisor-code.mjs";
import { ensureDatabase } from "../../scripts/ensure-database.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const arg = (k, d) => process.argv.find((a) => a.startsWith(`--${k}=`))?.split("=")[1] ?? d;
const SIZES = arg("sizes", "1000,1000000").split(",").map(Number);
const RUNS = Number(arg("runs", "30"));
const PORT = Number(arg("port", "3609"));
const KEEP = process.argv.includes("--keep");
const CHURN_MS = Number(arg("churn", "1000"));
const FRESH = process.argv.includes("--fresh-start");
const DB = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mukhbir_dash_bench";
const DIST = process.env.NEXT_DIST_DIR ?? ".next-dash";
const BASE = `http://127.0.0.1:${PORT}`;
// A fresh machine has no bench database yet (the bench resets what it holds).
await ensureDatabase(DB, "Set BENCH_DATABASE_URL to a local PostgreSQL database the bench may reset.");
const PATHS = ["/dashboard?range=7d", "/dashboard?range=30d"];

if (!fs.existsSync(path.join(root, DIST, "BUILD_ID"))) {
  console.error(`No build in ${DIST}: run NEXT_DIST_DIR=${DIST} npx next build first.`);
  process.exit(1);
}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status})`);
}
const psql = (...args) => sh("psql", ["-q", "-X", "-v", "ON_ERROR_STOP=1", DB, ...args]);

async function waitHealthy(ms = 120_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not become healthy");
}

const serverEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: DIST,
  DEMO_MODE: "true",
  DATA_DIR: path.join(root, ".data-dash-bench"),
  DATABASE_URL: DB,
  PUBLIC_BASE_URL: BASE,
  WORKER_ENABLED: "false",
  LOG_LEVEL: "warn",
};

function startServer(extraEnv = {}) {
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT)],
    {
      cwd: root,
      detached: true,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...serverEnv, ...extraEnv },
    },
  );
  return () => process.kill(-child.pid, "SIGTERM");
}

async function signIn() {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), "x-forwarded-for": "10.250.0.1" },
    body: new URLSearchParams({
      csrfToken,
      username: "supervisor",
      password: "mukhbir-supervisor",
      code: supervisorCode(serverEnv),
      json: "true",
      callbackUrl: BASE,
    }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error("sign-in failed");
  return cookie();
}

/** One GET: milliseconds to the first byte of the body and to the end. */
function timeGet(p, cookie) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    let ttfb;
    const req = http.get(`${BASE}${p}`, { headers: { cookie } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${p}: HTTP ${res.statusCode}`));
      res.once("data", () => (ttfb = Number(process.hrtime.bigint() - t0) / 1e6));
      res.on("data", () => {});
      res.on("end", () => resolve({ ttfb, total: Number(process.hrtime.bigint() - t0) / 1e6 }));
    });
    req.on("error", reject);
  });
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const psqlValue = (sql) => spawnSync("psql", ["-X", "-tA", DB, "-c", sql], { encoding: "utf8" }).stdout.trim();

/** --fresh-start: rollups cleared (as a migration may), a new server with its worker, the first views. */
async function freshStart(size) {
  psql(
    "-c",
    "TRUNCATE mukhbir_internal.dash_day, mukhbir_internal.dash_rollup, mukhbir_internal.dash_week, mukhbir_internal.dash_week_rollup, mukhbir_internal.hot_day, mukhbir_internal.hot_rollup, mukhbir_internal.req_day, mukhbir_internal.req_day_built",
  );
  const t0 = Date.now();
  const stop = startServer({ WORKER_ENABLED: "true" });
  try {
    await waitHealthy();
    const healthyMs = Date.now() - t0;
    let warmMs = null;
    for (const end = Date.now() + 600_000; Date.now() < end && warmMs === null; await sleep(250)) {
      const state = psqlValue(
        `SELECT "state" FROM "Job" WHERE "kind" = 'dashboard.rollups' AND "dedupeKey" LIKE 'dashboard.rollups@start@%' ORDER BY "createdAt" DESC LIMIT 1`,
      );
      if (state === "FAILED") throw new Error("the start-up rollup job failed");
      if (state === "DONE") warmMs = Date.now() - t0;
    }
    const cookie = await signIn();
    const rows = [];
    for (const p of PATHS) {
      const first = await timeGet(p, cookie);
      rows.push({ size, path: p, healthyMs, warmMs, firstTtfb: first.ttfb, firstTotal: first.total });
      console.log(
        `fresh start: healthy after ${healthyMs} ms, rollups built after ${warmMs} ms; first ${p}: TTFB ${first.ttfb.toFixed(0)} ms, total ${first.total.toFixed(0)} ms`,
      );
    }
    return rows;
  } finally {
    stop();
    await sleep(1500);
  }
}

const results = [];
const fresh = [];
for (const size of SIZES) {
  console.log(`\n== ${size.toLocaleString("en")} tips ==`);
  const have = KEEP
    ? Number(
        spawnSync("psql", ["-X", "-tA", DB, "-c", `SELECT count(*) FROM "Tip" WHERE "ref" LIKE 'BN-%'`], {
          encoding: "utf8",
        }).stdout.trim() || 0,
      )
    : 0;
  const reuse = KEEP && have === size;
  if (!reuse) sh(process.execPath, ["node_modules/tsx/dist/cli.mjs", "bench/dashboard/reset-db.ts", DB]);
  const stop = startServer();
  try {
    await waitHealthy();
    const t0 = Date.now();
    if (reuse) console.log("reusing the seeded database (--keep)");
    else {
      psql("-v", `n=${size}`, "-f", "bench/dashboard/seed.sql");
      console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    // The stations' figures (ADR 0610) read action requests: say how many the data holds.
    const requests = Number(
      spawnSync("psql", ["-X", "-tA", DB, "-c", `SELECT count(*) FROM "ActionRequest"`], {
        encoding: "utf8",
      }).stdout.trim() || 0,
    );
    console.log(`${requests.toLocaleString("en")} action requests`);
    const cookie = await signIn();
    for (const p of PATHS) {
      const first = await timeGet(p, cookie); // builds the range's rollups when none are current
      for (let i = 0; i < 3; i++) await timeGet(p, cookie); // warm-up: JIT, connections, caches
      const stopChurn = CHURN_MS > 0 ? startChurn(DB, CHURN_MS) : async () => null;
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timeGet(p, cookie));
      const churn = await stopChurn();
      const row = {
        size,
        requests,
        path: p,
        runs: RUNS,
        first: first.ttfb,
        churnMs: CHURN_MS,
        churn,
        ttfbP50: pct(
          runs.map((r) => r.ttfb),
          50,
        ),
        ttfbP95: pct(
          runs.map((r) => r.ttfb),
          95,
        ),
        totalP50: pct(
          runs.map((r) => r.total),
          50,
        ),
        totalP95: pct(
          runs.map((r) => r.total),
          95,
        ),
      };
      results.push(row);
      console.log(
        `${p}: first ${row.first.toFixed(0)} ms; TTFB p50 ${row.ttfbP50.toFixed(0)} ms, p95 ${row.ttfbP95.toFixed(0)} ms; total p50 ${row.totalP50.toFixed(0)} ms, p95 ${row.totalP95.toFixed(0)} ms; churn ${JSON.stringify(churn)}`,
      );
    }
  } finally {
    stop();
    await new Promise((r) => setTimeout(r, 1500));
  }
  if (FRESH) fresh.push(...(await freshStart(size)));
}

const machine = {
  loadavg: os.loadavg(),
  nproc: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  date: new Date().toISOString(),
};
fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
const out = path.join(root, "bench/results", `dashboard-${machine.date.slice(0, 19).replace(/:/g, "")}.json`);
fs.writeFileSync(out, JSON.stringify({ machine, results, fresh }, null, 2));
console.log("\n| tips | range | TTFB p50 | TTFB p95 | total p50 | total p95 |\n| --- | --- | --- | --- | --- | --- |");
for (const r of results)
  console.log(
    `| ${r.size.toLocaleString("en")} | ${r.path.split("=")[1]} | ${r.ttfbP50.toFixed(0)} ms | ${r.ttfbP95.toFixed(0)} ms | ${r.totalP50.toFixed(0)} ms | ${r.totalP95.toFixed(0)} ms |`,
  );
const [lo, hi] = [Math.min(...SIZES), Math.max(...SIZES)];
for (const p of PATHS) {
  const [a, b] = [
    results.find((r) => r.path === p && r.size === lo),
    results.find((r) => r.path === p && r.size === hi),
  ];
  if (a && b && a !== b)
    console.log(
      `${p}: ${hi} / ${lo} TTFB p50 ratio ${(b.ttfbP50 / a.ttfbP50).toFixed(2)}×, p95 ratio ${(b.ttfbP95 / a.ttfbP95).toFixed(2)}×`,
    );
}
const load = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(" ");
console.log(`load average at the end: ${load}`);
console.log(`machine: ${JSON.stringify(machine)}\nwritten ${path.relative(root, out)}`);
