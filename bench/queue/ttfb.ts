// `/queue` time to first byte per view, signed in, at 1,000 and at 1,000,000 tips on PostgreSQL.
// Usage: QUEUE_BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/mukhbir_queue_bench \
//          NEXT_DIST_DIR=.next-queue node node_modules/tsx/dist/cli.mjs bench/queue/ttfb.ts
// (needs a build in NEXT_DIST_DIR; resets that database and `<name>_<size>` for each further size).
// Each size gets its own database and server, and their requests alternate (1k, 1M, 1k, …): on a
// shared machine a burst of someone else's load then hits both sizes alike instead of skewing the
// ratio. Prints a Markdown table.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { resetPostgres, startServer, type Server } from "../../e2e/queue-servers";
import { percentile, signInCookie, ttfb } from "./http";
import { formatNumber } from "../../lib/time/format";

const DB = process.env.QUEUE_BENCH_DATABASE_URL;
if (!DB) throw new Error("set QUEUE_BENCH_DATABASE_URL");
const PORT = Number(process.env.QUEUE_BENCH_PORT ?? 3410);
const RUNS = Number(process.env.QUEUE_BENCH_RUNS ?? 30);
const SIZES = (process.env.QUEUE_BENCH_SIZES ?? "1000,1000000").split(",").map(Number);
const VIEWS = [
  "unassigned",
  "mine",
  "open",
  "breaching",
  "waiting",
  "closedToday",
  "all",
  "all&q=शराब",
  "open&priority=URGENT",
];
const seedSql = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), "seed.sql"), "utf8");

/** The first size uses QUEUE_BENCH_DATABASE_URL itself, the others `<name>_<size>`; each created if missing. */
async function databaseFor(size: number, i: number) {
  const url = new URL(DB!);
  if (i > 0) url.pathname = `${url.pathname}_${size}`;
  if (!["127.0.0.1", "localhost", "::1"].includes(url.hostname))
    throw new Error(`refusing to create a database on ${url.hostname}`);
  const name = decodeURIComponent(url.pathname.slice(1));
  const server = new URL(url);
  server.pathname = "/postgres"; // the bench database itself may not exist yet
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  await admin.end();
  return url.toString();
}

async function seedTo(db: string, total: number) {
  const c = new pg.Client({ connectionString: db });
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

function viewUrl(base: string, view: string) {
  const [name, ...rest] = view.split("&");
  return `${base}/queue?view=${name}${rest.map((kv) => "&" + kv.replace(/=(.*)/, (_, v) => "=" + encodeURIComponent(v))).join("")}`;
}

const targets: { size: number; server: Server; cookie: string; secs: number }[] = [];
const out: string[] = [];
try {
  for (const [i, size] of SIZES.entries()) {
    const db = await databaseFor(size, i);
    await resetPostgres(db);
    const server = await startServer({ port: PORT + i, databaseUrl: db });
    targets.push({ size, server, cookie: await signInCookie(server.url, "officer", "mukhbir-officer"), secs: 0 });
    targets[i].secs = await seedTo(db, size);
    console.log(`seeded ${size} tips in ${targets[i].secs.toFixed(1)} s`);
  }
  out.push(
    `| view | ${targets.map((t) => `${label(t.size)} p50 | ${label(t.size)} p95`).join(" | ")} | ${targets
      .slice(1)
      .map((t) => `${label(t.size)} / ${label(targets[0].size)} (p50)`)
      .join(" | ")} |`,
  );
  out.push(
    `| --- | ${targets.map(() => "---: | ---:").join(" | ")} | ${targets
      .slice(1)
      .map(() => "---:")
      .join(" | ")} |`,
  );
  for (const view of VIEWS) {
    for (let i = 0; i < 3; i++) for (const t of targets) await ttfb(viewUrl(t.server.url, view), t.cookie);
    const ms = targets.map(() => [] as number[]);
    for (let i = 0; i < RUNS; i++)
      for (const [k, t] of targets.entries()) {
        const r = await ttfb(viewUrl(t.server.url, view), t.cookie);
        if (r.status !== 200) throw new Error(`${view} at ${t.size} → ${r.status}`);
        ms[k].push(r.ms);
      }
    const p50 = ms.map((m) => percentile(m, 50));
    const line = `| ${view} | ${ms.map((m, k) => `${p50[k].toFixed(1)} | ${percentile(m, 95).toFixed(1)}`).join(" | ")} | ${p50
      .slice(1)
      .map((v) => `${(v / p50[0]).toFixed(2)}×`)
      .join(" | ")} |`;
    console.log(line);
    out.push(line);
  }
} finally {
  for (const t of targets) await t.server.stop();
}
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, PostgreSQL local`;
const seeded = targets.map((t) => `${label(t.size)} in ${t.secs.toFixed(0)} s`).join(", ");
console.log(
  `\nMachine: ${machine}; date ${new Date().toISOString()}; load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(
      " ",
    )}; ${RUNS} runs per view and size after 3 warm-ups, sizes alternating; seeded ${seeded}\n\n${out.join("\n")}`,
);

function label(n: number) {
  return formatNumber(n, "en");
}
