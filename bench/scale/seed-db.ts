// One scale-bench database per archive size, seeded with the other benches' seeds (nothing copied):
// bench/dashboard/seed.sql (tips over a year with their events, action requests and reports; here
// with the search bench's texts as each tip's preview and search text), bench/scale/messages.sql
// (the message each tip holds) and bench/search/seed.ts's indexing (their search terms). What was seeded,
// how long it took and the size on disk are kept in the database's comment, which --keep reads.
import { execSync, spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { resetPostgres, startServer } from "../../lib/testing/system/servers";
import { indexSeededTips, seedTexts } from "../search/seed";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
// A year of tips (ADR 0810): 10M is then ~27,000 a day, near the state-wide peak in docs/SCALE.md
// (37,500), instead of the dashboard bench's 90 days (111,000 a day, three times any state's peak).
export const DAYS = 365;
// Bulk loading only: no flush per commit, room to sort and build in memory. Reads are untouched.
// The dashboard seed files its tips under this year, numbered 1…n.
const DASHBOARD_SEED_YEAR = 2000;
const LOAD_OPTIONS = "-c synchronous_commit=off -c maintenance_work_mem=1GB -c work_mem=256MB";

export type SeedInfo = {
  size: number;
  database: string;
  days: number;
  date: string;
  commit: string;
  seedSeconds: number;
  steps: Record<string, number>;
  databaseGiB: number;
  rows: Record<string, number>;
  complete: boolean;
};

export function databaseUrl(size: number) {
  const url = new URL(
    process.env.SCALE_BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mukhbir_scale_bench",
  );
  url.pathname = `${url.pathname}_${size}`;
  return url.toString();
}

const nameOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

async function client(url: string) {
  const c = new pg.Client({ connectionString: url, options: LOAD_OPTIONS });
  await c.connect();
  return c;
}

/** The database's seed record: what a run seeded so far (`complete` once all steps ran), or null. */
async function readInfo(url: string): Promise<SeedInfo | null> {
  const c = await client(url);
  try {
    const { rows } = await c.query(
      `SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = current_database()`,
    );
    return rows[0]?.d ? (JSON.parse(rows[0].d) as SeedInfo) : null;
  } finally {
    await c.end();
  }
}

async function writeInfo(c: pg.Client, info: SeedInfo) {
  await c.query(
    `COMMENT ON DATABASE "${info.database.replace(/"/g, '""')}" IS ${pg.escapeLiteral(JSON.stringify(info))}`,
  );
}

function psqlFile(url: string, file: string, vars: Record<string, string | number> = {}) {
  const r = spawnSync(
    "psql",
    [
      "-X",
      "-q",
      "-v",
      "ON_ERROR_STOP=1",
      ...Object.entries(vars).flatMap(([k, v]) => ["-v", `${k}=${v}`]),
      "-f",
      file,
      url,
    ],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, PGOPTIONS: LOAD_OPTIONS } },
  );
  if (r.status !== 0) throw new Error(`psql -f ${file} failed (${r.status})`);
}

/**
 * Seeds `size` tips, step by step, each step recorded in the database's comment when done. With
 * `keep`, a database seeded (or part-seeded) to the same size is reused: finished steps are skipped,
 * so a 10M seed stopped part way goes on where it stopped. Each step is one transaction (a stop
 * inside one rolls it back). Start-up migrations run before every step that follows, so a migration
 * added meanwhile changes the tables while the later ones (search terms last) are still empty.
 */
export async function seedDatabase(url: string, size: number, dist: string, keep: boolean): Promise<SeedInfo> {
  const before = keep ? await readInfo(url).catch(() => null) : null;
  const info: SeedInfo =
    before?.size === size && before.days === DAYS
      ? before
      : {
          size,
          database: nameOf(url),
          days: DAYS,
          date: "",
          commit: "",
          seedSeconds: 0,
          steps: {},
          databaseGiB: 0,
          rows: {},
          complete: false,
        };
  if (info.complete) return info;
  if (info !== before) await resetPostgres(url);
  else console.log(`${label(size)}: going on with the seeding (done: ${Object.keys(info.steps).join(", ")})`);
  // The app's own start-up migrates and creates the demo users (the supervisor signs in later).
  const server = await startServer({ databaseUrl: url, env: { NEXT_DIST_DIR: dist, WORKER_ENABLED: "false" } });
  await server.stop();
  const c = await client(url);
  try {
    const step = async (name: string, fn: () => unknown, done = async () => false) => {
      if (name in info.steps || (await done())) return;
      const t0 = Date.now();
      await fn();
      info.steps[name] = (Date.now() - t0) / 1000;
      await writeInfo(c, info);
      console.log(`${label(size)}: ${name} in ${info.steps[name].toFixed(1)} s`);
    };
    await step(
      "tips, events and requests (bench/dashboard/seed.sql)",
      () =>
        psqlFile(url, "bench/dashboard/seed.sql", {
          n: size,
          days: DAYS,
          // The search bench's texts, so that its indexing (below) finds every word's key.
          texts: `{${seedTexts()
            .map((t) => `"${t}"`)
            .join(",")}}`,
        }),
      // The seed commits before its closing VACUUMs: a stop there leaves the tips in, unrecorded.
      async () => (await c.query(`SELECT EXISTS (SELECT 1 FROM "Tip" WHERE "ref" LIKE 'BN-%') AS e`)).rows[0].e,
    );
    await step("messages (bench/scale/messages.sql)", () => psqlFile(url, "bench/scale/messages.sql"));
    // Batches of tips in number order, each its own statement: a rerun after a stop starts after
    // the last committed batch (at 10M this step alone takes most of an hour).
    await step("search terms (bench/search/seed.ts)", async () =>
      indexSeededTips(c, DASHBOARD_SEED_YEAR, await indexedUpTo(c, size), size, (m) =>
        console.log(`${label(size)}: ${m}`),
      ),
    );
    await step("vacuum analyze", () => c.query("VACUUM ANALYZE"));
    const counts = await c.query(
      `SELECT (SELECT count(*) FROM "Tip")::bigint AS tips, (SELECT count(*) FROM "Message")::bigint AS messages,
         (SELECT count(*) FROM "TipEvent")::bigint AS events, (SELECT count(*) FROM "ActionRequest")::bigint AS requests,
         (SELECT count(*) FROM mukhbir_internal.search_term)::bigint AS search_terms,
         pg_database_size(current_database())::bigint AS bytes`,
    );
    const { bytes, ...rows } = counts.rows[0];
    Object.assign(info, {
      date: new Date().toISOString(),
      commit: execSync("git rev-parse --short HEAD", { cwd: root, encoding: "utf8" }).trim(),
      seedSeconds: Object.values(info.steps).reduce((a, b) => a + b, 0),
      databaseGiB: Number(bytes) / 2 ** 30,
      rows: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, Number(v)])),
      complete: true,
    });
    await writeInfo(c, info);
    console.log(`${label(size)}: ${JSON.stringify(info.rows)}, ${info.databaseGiB.toFixed(2)} GiB`);
    return info;
  } finally {
    await c.end();
  }
}

/**
 * The highest tip number already indexed: every tip has terms ("near" at least) and batches commit
 * in number order, so tips 1…k have terms and k+1… none. Binary search, one probe per step.
 */
export async function indexedUpTo(c: pg.Client, size: number): Promise<number> {
  const has = async (seq: number) =>
    (
      await c.query(
        `SELECT EXISTS (SELECT 1 FROM "Tip" t JOIN mukhbir_internal.search_term st ON st.tip_id = t."id"
         WHERE t."year" = $1 AND t."seq" = $2) AS e`,
        [DASHBOARD_SEED_YEAR, seq],
      )
    ).rows[0].e as boolean;
  let [lo, hi] = [0, size]; // tips ≤ lo have terms; tips > hi have none
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (await has(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const label = (n: number) => `${n.toLocaleString("en")} tips`;
