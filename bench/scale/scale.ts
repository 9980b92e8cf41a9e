// The pages an officer and the SP Crime open, timed at each archive size on PostgreSQL (issue 17
// item 8): queue default view, queue with a filter, a tip page, a queue search for a common and for
// a rare word, dashboard 7 and 30 days. Run by bench/scale/run.mjs, which builds first.
//
// Each size has its own database, `mukhbir_scale_bench_<size>` (SCALE_BENCH_DATABASE_URL names the
// server and the prefix), seeded by bench/scale/seed-db.ts unless --keep finds it seeded to that
// size. Then one `next start` per size (worker off), all running at once, and each page's requests
// alternate between them (1k, 10M, 1k, …) as the queue bench does, so a burst of someone else's
// load on this shared machine hits every size alike. Prints a Markdown table and writes
// bench/results/scale-<date>.json.
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { E2E } from "../../e2e/env";
import { ensureDatabase, startServer, type Server } from "../../lib/testing/system/servers";
import { percentile, signInCookie, ttfb } from "../queue/http";
import { supervisorCode } from "../dashboard/supervisor-code.mjs";
import { databaseUrl, seedDatabase, type SeedInfo } from "./seed-db";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const arg = (k: string, d: string) => process.argv.find((a) => a.startsWith(`--${k}=`))?.split("=")[1] ?? d;
const SIZES = arg("sizes", "1000,10000000").split(",").map(Number);
const RUNS = Number(arg("runs", "20"));
const WARMUP = 3;
const KEEP = process.argv.includes("--keep");
const SEED_ONLY = process.argv.includes("--seed-only");
const DIST = process.env.NEXT_DIST_DIR ?? ".next-scale";

type Target = { size: number; url: string; seed: SeedInfo; server?: Server; cookie?: string; tip?: MiddleTip };
type MiddleTip = { ref: string; seq: number; messages: number };

/** A tip from the middle of the archive by arrival (not merged: that page redirects), with its messages. */
async function middleTip(url: string): Promise<MiddleTip> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT t."ref", t."seq", (SELECT count(*) FROM "Message" m WHERE m."tipId" = t."id")::int AS messages
       FROM "Tip" t WHERE t."ref" LIKE 'BN-%' AND t."status" <> 'MERGED'
       ORDER BY t."receivedAt" OFFSET (SELECT count(*) / 2 FROM "Tip" WHERE "ref" LIKE 'BN-%') LIMIT 1`,
    );
    if (!rows[0]?.messages) throw new Error(`no tip with messages in the middle of ${url}`);
    return rows[0];
  } finally {
    await c.end();
  }
}

/** The measured pages; the rare search is the middle tip's own number (one tip holds it). */
const PAGES: { name: string; path: (t: MiddleTip) => string }[] = [
  { name: "queue (default view)", path: () => "/queue" },
  { name: "queue, open + URGENT", path: () => "/queue?view=open&priority=URGENT" },
  { name: "tip page", path: (t) => `/tips/${t.ref}` },
  { name: "search, common word", path: () => "/queue?view=all&q=sharab" },
  { name: "search, rare word", path: (t) => `/queue?view=all&q=${t.seq}` },
  { name: "dashboard 7 d", path: () => "/dashboard?range=7d" },
  { name: "dashboard 30 d", path: () => "/dashboard?range=30d" },
];

const targets: Target[] = [];
for (const size of SIZES) {
  const url = databaseUrl(size);
  await ensureDatabase(url);
  const seed = await seedDatabase(url, size, DIST, KEEP);
  if (KEEP) console.log(`${size.toLocaleString("en")} tips: ${seed.database} seeded at ${seed.date} (--keep)`);
  targets.push({ size, url, seed });
}
if (SEED_ONLY) process.exit(0);

type Row = {
  page: string;
  path: string;
  /** The first request per size (ms); a dashboard's builds the day rollups a fresh database lacks. */
  first: number[];
  /** Per size: null when it answered something other than 200 (then `failed` says what). */
  p50: (number | null)[];
  p95: (number | null)[];
  failed: (string | null)[];
};
const rows: Row[] = [];
try {
  for (const t of targets) {
    t.server = await startServer({ databaseUrl: t.url, env: { NEXT_DIST_DIR: DIST, WORKER_ENABLED: "false" } });
    const code = supervisorCode({ ...process.env, ...E2E.serverEnv, DATABASE_URL: t.url });
    t.cookie = await signInCookie(t.server.url, "supervisor", "mukhbir-supervisor", "10.9.9.9", code);
    t.tip = await middleTip(t.url);
    console.log(
      `${t.size.toLocaleString("en")} tips on ${t.server.url}; tip page ${t.tip.ref} (${t.tip.messages} messages)`,
    );
  }
  for (const page of PAGES) {
    // A size whose page fails (e.g. a query past the 30 s statement timeout) is reported as failed
    // and not asked again: the other sizes are still measured.
    const failed: (string | null)[] = targets.map(() => null);
    const ms = targets.map(() => [] as number[]);
    const first: number[] = [];
    const round = async (keep: boolean) => {
      for (const [k, t] of targets.entries()) {
        if (failed[k]) continue;
        const r = await ttfb(`${t.server!.url}${page.path(t.tip!)}`, t.cookie!);
        if (r.status !== 200) failed[k] = `HTTP ${r.status} after ${r.ms.toFixed(0)} ms`;
        else if (keep) ms[k].push(r.ms);
        if (first.length < targets.length) first.push(r.ms);
      }
    };
    for (let i = 0; i < WARMUP; i++) await round(false);
    for (let i = 0; i < RUNS; i++) await round(true);
    const ok = (k: number) => !failed[k] && ms[k].length > 0;
    const row: Row = {
      page: page.name,
      path: page.path({ ref: "<ref>", seq: 0, messages: 0 }).replace("q=0", "q=<number>"),
      first,
      p50: ms.map((m, k) => (ok(k) ? percentile(m, 50) : null)),
      p95: ms.map((m, k) => (ok(k) ? percentile(m, 95) : null)),
      failed,
    };
    rows.push(row);
    console.log(
      `${page.name}: ${targets.map((t, k) => `${label(t.size)} ${cell(row, k)} (first ${first[k]?.toFixed(0)} ms)`).join(", ")}`,
    );
  }
} finally {
  for (const t of targets) await t.server?.stop();
}

const [lo] = targets;
const table = [
  `| page | ${targets.map((t) => `${label(t.size)} p50 / p95`).join(" | ")} | ${targets
    .slice(1)
    .map((t) => `${label(t.size)} ÷ ${label(lo.size)} p50 / p95`)
    .join(" | ")} |`,
  `| --- | ${targets.map(() => "---:").join(" | ")} | ${targets
    .slice(1)
    .map(() => "---:")
    .join(" | ")} |`,
  ...rows.map(
    (r) =>
      `| ${r.page} | ${targets.map((_, k) => cell(r, k)).join(" | ")} | ${targets
        .slice(1)
        .map((_, j) => `${ratio(r.p50[j + 1], r.p50[0])} / ${ratio(r.p95[j + 1], r.p95[0])}`)
        .join(" | ")} |`,
  ),
];
const ratios = rows.flatMap((r) =>
  r.p50.slice(1).map((v) => (v === null || r.p50[0] === null ? Infinity : v / r.p50[0])),
);
const worst = Math.max(...ratios);
const machine = {
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}`,
  memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  loadavg: os.loadavg(),
  date: new Date().toISOString(),
  commit: execSync("git rev-parse --short HEAD", { cwd: root, encoding: "utf8" }).trim(),
};
fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
const out = path.join(root, "bench/results", `scale-${machine.date.slice(0, 19).replace(/:/g, "")}.json`);
fs.writeFileSync(
  out,
  JSON.stringify(
    { machine, runs: RUNS, warmup: WARMUP, sizes: targets.map((t) => ({ ...t.seed, tip: t.tip })), rows },
    null,
    2,
  ),
);
console.log(
  `\n${targets.map((t) => `${label(t.size)}: seeded in ${t.seed.seedSeconds.toFixed(0)} s, database ${t.seed.databaseGiB.toFixed(2)} GiB`).join("; ")}`,
);
console.log(`TTFB, ${RUNS} runs per page and size after ${WARMUP} warm-ups, sizes alternating\n\n${table.join("\n")}`);
if (targets.length > 1)
  console.log(
    `\nlargest p50 ratio ${Number.isFinite(worst) ? `${worst.toFixed(2)}×` : "— (a page failed)"}: ${
      worst <= 3 ? "every page within 3× of its smallest-size figure" : "NOT every page within 3×"
    }`,
  );
console.log(`machine: ${JSON.stringify(machine)}\nwritten ${path.relative(root, out)}`);

function ratio(a: number | null, b: number | null) {
  return a === null || b === null ? "—" : `${(a / b).toFixed(2)}×`;
}
function cell(r: Row, k: number) {
  return r.failed[k] ?? `${r.p50[k]!.toFixed(0)} / ${r.p95[k]!.toFixed(0)} ms`;
}
function label(n: number) {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
}
