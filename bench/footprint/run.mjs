#!/usr/bin/env node
// `npm run bench -- footprint`: resident memory (RSS, summed over the server's process group) of
// `npm start`'s command (package.json) idle and under load, for Mukhbir's demo on PGlite, Mukhbir
// on PostgreSQL, and an empty Next.js app of the same version (bench/footprint/empty-app, plain
// `next start`) on the same machine.
//   idle:   15 s after /api/health first answers 200 (the start-up work done, the worker polling)
//   loaded: the highest RSS seen while autocannon requests /login (a server-rendered page) for 20 s
//   after load: 5 s after that; first request: the time of the first GET of /login, after idle
// Needs a build of the app (`npx next build`); builds the empty app on first use.
// Options: --targets=empty,pglite,postgres --idle=15 --load=20 --port=3710. BENCH_DATABASE_URL: the scratch
// database for the PostgreSQL run (reset). Results: bench/results/footprint.json, docs/BENCHMARKS.md.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { ensureDatabase } from "../../scripts/ensure-database.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const arg = (k, d) => process.argv.find((a) => a.startsWith(`--${k}=`))?.split("=")[1] ?? d;
const TARGETS = arg("targets", "empty,pglite,postgres").split(",");
const IDLE_S = Number(arg("idle", "15"));
const LOAD_S = Number(arg("load", "20"));
const DB = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mukhbir_footprint_bench";
const next = path.join(root, "node_modules/next/dist/bin/next");
const emptyDir = path.join(root, "bench/footprint/empty-app");
const MiB = 1024 * 1024;
// Exactly what `npm start` runs (its environment settings included, ADR 0807), without npm's own
// process (the systemd unit runs node directly).
const START = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts.start;

/** RSS of every process in the group `pgid` (the server and any child it started), in bytes. */
function groupRss(pgid) {
  let sum = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
      if (m) sum += Number(m[1]) * 1024;
    } catch {}
  }
  return sum;
}

async function healthy(url, ms = 240_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer 200`);
}

async function measure(name, cmd, args, env, readyUrl, loadUrl, cwd = root) {
  const child = spawn(cmd, args, {
    cwd,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  try {
    await healthy(readyUrl);
    await new Promise((r) => setTimeout(r, IDLE_S * 1000));
    const idle = groupRss(child.pid);
    // The first request to the page: with routes loaded on first use (ADR 0807) it pays their load.
    const t0 = performance.now();
    await (await fetch(loadUrl)).arrayBuffer();
    const firstMs = Math.round(performance.now() - t0);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, groupRss(child.pid))), 250);
    const load = await autocannon({ url: loadUrl, connections: 10, duration: LOAD_S });
    clearInterval(sampler);
    peak = Math.max(peak, groupRss(child.pid));
    // Idle again after the load: what a server that has served the page keeps.
    await new Promise((r) => setTimeout(r, 5000));
    const after = groupRss(child.pid);
    const row = {
      target: name,
      idleMiB: Math.round(idle / MiB),
      loadedMiB: Math.round(peak / MiB),
      afterLoadMiB: Math.round(after / MiB),
      firstRequestMs: firstMs,
      requests: load.requests.total,
      non2xx: load.non2xx,
    };
    console.log(JSON.stringify(row));
    return row;
  } finally {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    await new Promise((r) => setTimeout(r, 2000));
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  }
}

const port = Number(arg("port", "3710"));
const rows = [];
if (TARGETS.includes("empty")) {
  // Built outside the repository (inside it, Next takes the repository for the project root and
  // runs our instrumentation), with our node_modules linked in; webpack, since Turbopack refuses a
  // node_modules outside its root. The server it runs is the same `next start`.
  const dir = path.join(os.tmpdir(), "mukhbir-footprint-empty-app");
  if (!fs.existsSync(path.join(dir, ".next/BUILD_ID"))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(emptyDir, dir, { recursive: true });
    fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "empty-app", private: true }));
    const b = spawnSync(process.execPath, [next, "build", "--webpack"], {
      cwd: dir,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (b.status !== 0) throw new Error("building the empty app failed");
  }
  rows.push(
    await measure(
      "empty Next.js app",
      process.execPath,
      [next, "start", "-p", String(port)],
      {},
      `http://127.0.0.1:${port}/`,
      `http://127.0.0.1:${port}/`,
      dir,
    ),
  );
}
const app = (extra) => ({
  PORT: String(port),
  PUBLIC_BASE_URL: `http://localhost:${port}`,
  MUKHBIR_REUSE_BUILD: "1",
  LOG_LEVEL: "warn",
  ...extra,
});
if (TARGETS.includes("pglite")) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-footprint-"));
  rows.push(
    await measure(
      "Mukhbir demo, PGlite",
      "/bin/sh",
      ["-c", START],
      app({ DATA_DIR: dataDir }),
      `http://127.0.0.1:${port}/api/health`,
      `http://127.0.0.1:${port}/login`,
    ),
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
}
if (TARGETS.includes("postgres")) {
  await ensureDatabase(DB);
  const c = new pg.Client({ connectionString: DB });
  await c.connect();
  await c.query(
    "DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS mukhbir_internal CASCADE; CREATE SCHEMA public",
  );
  await c.end();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-footprint-"));
  rows.push(
    await measure(
      "Mukhbir demo, PostgreSQL",
      "/bin/sh",
      ["-c", START],
      app({ DATA_DIR: dataDir, DATABASE_URL: DB, DEMO_MODE: "true" }),
      `http://127.0.0.1:${port}/api/health`,
      `http://127.0.0.1:${port}/login`,
    ),
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(
  "\n| target | idle RSS (MiB) | loaded RSS (MiB) | idle after load (MiB) | first request (ms) | requests | non-2xx |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
);
for (const r of rows)
  console.log(
    `| ${r.target} | ${r.idleMiB} | ${r.loadedMiB} | ${r.afterLoadMiB} | ${r.firstRequestMs} | ${r.requests} | ${r.non2xx} |`,
  );
fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
fs.writeFileSync(
  path.join(root, "bench/results/footprint.json"),
  JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2),
);
