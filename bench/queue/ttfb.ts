// `/queue` time to first byte per view, signed in, at 1,000 and at 1,000,000 tips on PostgreSQL.
// Usage: QUEUE_BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/mukhbir_queue_bench \
//          NEXT_DIST_DIR=.next-queue node node_modules/tsx/dist/cli.mjs bench/queue/ttfb.ts
// (needs a build in NEXT_DIST_DIR; resets that database). Prints a Markdown table.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { resetPostgres, startServer } from "../../e2e/queue-servers";
import { percentile, signInCookie, ttfb } from "./http";

const DB = process.env.QUEUE_BENCH_DATABASE_URL;
if (!DB) throw new Error("set QUEUE_BENCH_DATABASE_URL");
const PORT = Number(process.env.QUEUE_BENCH_PORT ?? 3410);
const RUNS = Number(process.env.QUEUE_BENCH_RUNS ?? 30);
const SIZES = (process.env.QUEUE_BENCH_SIZES ?? "1000,1000000").split(",").map(Number);
const VIEWS = ["unassigned", "mine", "open", "breaching", "waiting", "closedToday", "all", "all&q=शराब", "open&priority=URGENT"];
const seedSql = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), "seed.sql"), "utf8");

async function seedTo(total: number) {
  const c = new pg.Client({ connectionString: DB });
  await c.connect();
  const have = Number((await c.query(`SELECT count(*) AS n FROM "Tip"`)).rows[0].n);
  const t0 = Date.now();
  if (total > have) await c.query(seedSql.replace(/:n\b/g, String(total - have)));
  // The bulk insert left one counter change row per open tip (ADR 0302); fold them before VACUUM,
  // as the first read would, so the measured reads don't scan the fold's dead rows.
  await c.query("SELECT mukhbir_internal.fold_tip_counts()");
  await c.query("VACUUM ANALYZE");
  await c.end();
  return (Date.now() - t0) / 1000;
}

await resetPostgres(DB);
const server = await startServer({ port: PORT, databaseUrl: DB });
const out: string[] = [];
try {
  const cookie = await signInCookie(server.url, "supervisor", "mukhbir-supervisor");
  for (const size of SIZES) {
    const secs = await seedTo(size);
    console.log(`seeded to ${size} tips in ${secs.toFixed(1)} s`);
    out.push(`\n**${size.toLocaleString("en-IN")} tips** (seeded in ${secs.toFixed(0)} s)\n`, "| view | p50 ms | p95 ms |", "| --- | ---: | ---: |");
    for (const view of VIEWS) {
      const url = `${server.url}/queue?view=${view.split("&")[0]}${view.includes("&") ? "&" + view.split("&").slice(1).map((kv) => kv.replace(/=(.*)/, (_, v) => "=" + encodeURIComponent(v))).join("&") : ""}`;
      for (let i = 0; i < 3; i++) await ttfb(url, cookie);
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await ttfb(url, cookie);
        if (r.status !== 200) throw new Error(`${url} → ${r.status}`);
        ms.push(r.ms);
      }
      const line = `| ${view} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 95).toFixed(1)} |`;
      console.log(line);
      out.push(line);
    }
  }
} finally {
  await server.stop();
}
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, PostgreSQL local`;
console.log(`\nMachine: ${machine}; date ${new Date().toISOString()}; ${RUNS} runs per view after 3 warm-ups\n${out.join("\n")}`);
