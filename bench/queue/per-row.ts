// Server cost of one rendered queue row: `/queue` TTFB for the same view at page sizes 25, 50 and
// 100, requests alternating between the sizes, on an already seeded database (run ttfb.ts first;
// its 1M database is `<QUEUE_BENCH_DATABASE_URL>_1000000`). The slope between sizes is the
// per-row cost, as time to first byte and as the server's CPU time per request (Linux only); the
// same view at every size keeps the database part equal.
// Usage: QUEUE_BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/mukhbir_queue_bench_1000000 \
//          NEXT_DIST_DIR=.next-queue node node_modules/tsx/dist/cli.mjs bench/queue/per-row.ts [view]
// QUEUE_BENCH_CPU_PROF=dir writes a V8 CPU profile of the server into dir; profile one size per run
// (QUEUE_BENCH_SIZES=25, then 100) and compare the two with bench/queue/cpu-profile.mjs --per=….
import fs from "node:fs";
import os from "node:os";
import { startServer } from "../../e2e/queue-servers";
import { percentile, signInCookie, ttfb } from "./http";

const DB = process.env.QUEUE_BENCH_DATABASE_URL;
if (!DB) throw new Error("set QUEUE_BENCH_DATABASE_URL");
const PORT = Number(process.env.QUEUE_BENCH_PORT ?? 3420);
const RUNS = Number(process.env.QUEUE_BENCH_RUNS ?? 60);
const VIEW = process.argv[2] ?? "all";
const SIZES = (process.env.QUEUE_BENCH_SIZES ?? "25,50,100").split(",").map(Number);
const prof = process.env.QUEUE_BENCH_CPU_PROF;
const BATCH = 10;

/** CPU time (ms) the server process has used, all threads (Linux schedstat, nanoseconds). */
function serverCpuMs(pid: number) {
  let ns = 0;
  for (const task of fs.readdirSync(`/proc/${pid}/task`))
    ns += Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
  return ns / 1e6;
}

const server = await startServer({
  port: PORT,
  databaseUrl: DB,
  nodeArgs: prof ? ["--cpu-prof", `--cpu-prof-dir=${prof}`] : [],
});
try {
  const cookie = await signInCookie(server.url, "officer", "mukhbir-officer");
  const url = (size: number) => `${server.url}/queue?view=${VIEW}&size=${size}`;
  const bytes = await Promise.all(
    SIZES.map(async (s) => (await (await fetch(url(s), { headers: { cookie } })).arrayBuffer()).byteLength),
  );
  for (let i = 0; i < 10; i++) for (const s of SIZES) await ttfb(url(s), cookie);
  // Per size: TTFB of each request, and the server's CPU time per request over a batch of BATCH
  // (CPU time does not count the moments a busy machine leaves the server waiting for a core).
  const ms = SIZES.map(() => [] as number[]);
  const cpu = SIZES.map(() => [] as number[]);
  for (let i = 0; i < RUNS / BATCH; i++)
    for (const [k, s] of SIZES.entries()) {
      const c0 = serverCpuMs(server.child.pid!);
      for (let j = 0; j < BATCH; j++) ms[k].push((await ttfb(url(s), cookie)).ms);
      cpu[k].push((serverCpuMs(server.child.pid!) - c0) / BATCH);
    }
  const p50 = ms.map((m) => percentile(m, 50));
  const cpu50 = cpu.map((m) => percentile(m, 50));
  for (const [k, s] of SIZES.entries())
    console.log(
      `size ${s}: TTFB p50 ${p50[k].toFixed(1)} ms, p95 ${percentile(ms[k], 95).toFixed(1)} ms; server CPU ${cpu50[k].toFixed(2)} ms/request; HTML ${(bytes[k] / 1024).toFixed(0)} KiB`,
    );
  const [lo, hi] = [0, SIZES.length - 1];
  const slope = (xs: number[]) => ((xs[hi] - xs[lo]) / (SIZES[hi] - SIZES[lo])).toFixed(3);
  const bytesPerRow = (bytes[hi] - bytes[lo]) / (SIZES[hi] - SIZES[lo]);
  if (hi > lo)
    console.log(
      `view ${VIEW}, ${SIZES[lo]} → ${SIZES[hi]} rows: ${slope(p50)} ms/row TTFB (p50), ${slope(cpu50)} ms/row server CPU (median of ${RUNS / BATCH} batches of ${BATCH}); ${(bytesPerRow / 1024).toFixed(2)} KiB HTML per row; load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
} finally {
  await server.stop();
}
