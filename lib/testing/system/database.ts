// The suite's view of a server's database, from outside the app: PostgreSQL directly, or a stopped
// server's PGlite folder (only one process may open it). What was stored, counted by the tokens and
// call ids the deliveries carried, and the invariants that must hold whatever happened on the way.
import path from "node:path";

export type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
export type Database = { query: Query; close: () => Promise<void> };

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");

export async function openDatabase(target: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  if (target.databaseUrl) {
    const { default: pg } = await import("pg");
    const c = new pg.Client({ connectionString: target.databaseUrl });
    await c.connect();
    return { query: async (sql, params) => (await c.query(sql, params as unknown[])).rows, close: () => c.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pgliteOptions } = await import("../../db/engine");
  const db = await PGlite.create(path.resolve(root, target.dataDir ?? ".data", "pglite"), pgliteOptions());
  return {
    query: async (sql, params) => (await db.query(sql, params as unknown[])).rows as never,
    close: () => db.close(),
  };
}

/** How many times each delivery token (inbound text) and each Exotel call id is stored. */
export async function storedCounts(q: Query) {
  const tokens = new Map<string, number>();
  for (const r of await q<{ token: string; n: number }>(
    `SELECT substring("body" from 'rel-[0-9a-f]{8}-[0-9a-z]+') AS token, count(*)::int AS n FROM "Message"
     WHERE "direction" = 'INBOUND' AND "body" ~ 'rel-[0-9a-f]{8}-' GROUP BY 1`,
  ))
    tokens.set(r.token, r.n);
  const calls = new Map<string, number>();
  for (const r of await q<{ sid: string; n: number }>(
    `SELECT "providerMessageId" AS sid, count(*)::int AS n FROM "Message" WHERE "kind" = 'CALL' AND "provider" = 'EXOTEL' GROUP BY 1`,
  ))
    calls.set(r.sid, r.n);
  /** The durable part of an Exotel callback's 2xx: its verify job (lib/ingest/exotel/queue-callback.ts). */
  const callJobs = new Map<string, { n: number; done: number }>();
  for (const r of await q<{ sid: string; n: number; done: number }>(
    `SELECT substring("dedupeKey" from '^exotel\\.verify:call:([^:]+):') AS sid, count(*)::int AS n, count(*) FILTER (WHERE "state" = 'DONE')::int AS done
     FROM "Job" WHERE "kind" = 'exotel.verify' GROUP BY 1`,
  ))
    callJobs.set(r.sid, { n: r.n, done: r.done });
  return { tokens, calls, callJobs };
}

/** Exotel verify jobs not finished yet (PENDING, or RUNNING in some process). */
export async function openCallJobs(q: Query) {
  const [r] = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Job" WHERE "kind" = 'exotel.verify' AND "state" IN ('PENDING', 'RUNNING')`,
  );
  return r.n;
}

/**
 * Violations of what must always hold (empty when all is well):
 * - each tip's messageCount equals its messages; no message twice per provider id;
 * - tip refs per year are 1…TipCounter.last without gaps or repeats, none left pending, each ref its number;
 * - the queue's view counters (ADR 0302) sum to a direct count(*) of the open tips, per key.
 */
export async function checkInvariants(q: Query): Promise<string[]> {
  const v: string[] = [];
  const counts = await q<{ ref: string; stored: number; counted: number }>(
    `SELECT t."ref", t."messageCount" AS counted, count(m."id")::int AS stored FROM "Tip" t LEFT JOIN "Message" m ON m."tipId" = t."id"
     WHERE t."status" <> 'MERGED' GROUP BY t."id" HAVING count(m."id") <> t."messageCount" LIMIT 20`,
  );
  for (const c of counts) v.push(`tip ${c.ref}: messageCount ${c.counted} but ${c.stored} messages`);
  const dupes = await q<{ provider: string; n: number }>(
    `SELECT "provider", count(*)::int AS n FROM (SELECT "provider" FROM "Message" GROUP BY "provider", "providerMessageId" HAVING count(*) > 1) d GROUP BY 1`,
  );
  for (const d of dupes) v.push(`${d.n} ${d.provider} provider message ids stored more than once`);
  const years = await q<{
    year: number;
    n: number;
    lo: number;
    hi: number;
    distinct: number;
    last: number | null;
    pending: number;
    misnamed: number;
  }>(
    `SELECT t."year", count(*)::int AS n, min(t."seq") AS lo, max(t."seq") AS hi, count(DISTINCT t."seq")::int AS "distinct", c."last",
            count(*) FILTER (WHERE t."ref" LIKE 'pending:%')::int AS pending,
            count(*) FILTER (WHERE t."ref" <> public.tip_ref(t."year", t."seq"))::int AS misnamed
     FROM "Tip" t LEFT JOIN "TipCounter" c ON c."year" = t."year" GROUP BY t."year", c."last"`,
  );
  for (const y of years) {
    if (y.pending) v.push(`${y.year}: ${y.pending} tips left with a pending ref`);
    if (y.misnamed) v.push(`${y.year}: ${y.misnamed} refs do not match their number`);
    if (y.lo !== 1 || y.hi !== y.n || y.distinct !== y.n || y.last !== y.n)
      v.push(
        `${y.year}: ${y.n} tips numbered ${y.lo}…${y.hi} (${y.distinct} distinct), counter at ${y.last}: not gap-free`,
      );
  }
  const orphanCounters = await q<{ year: number; last: number }>(
    `SELECT c."year", c."last" FROM "TipCounter" c WHERE c."last" > 0 AND NOT EXISTS (SELECT 1 FROM "Tip" t WHERE t."year" = c."year")`,
  );
  for (const c of orphanCounters) v.push(`${c.year}: counter at ${c.last} but no tips`);
  const views = await q<{ key: string; counter: number | null; direct: number | null }>(
    `WITH c AS (SELECT "stationId", "assigneeId", "status", sum("n")::int AS n FROM mukhbir_internal.tip_view_count GROUP BY 1, 2, 3 HAVING sum("n") <> 0),
          d AS (SELECT "stationId", "assigneeId", "status"::text AS status, count(*)::int AS n FROM "Tip" WHERE mukhbir_internal.tip_open("status"::text) GROUP BY 1, 2, 3)
     SELECT concat_ws('/', coalesce(c."status", d.status), coalesce(c."stationId", d."stationId"), coalesce(c."assigneeId", d."assigneeId")) AS key, c.n AS counter, d.n AS direct
     FROM c FULL JOIN d ON c."stationId" IS NOT DISTINCT FROM d."stationId" AND c."assigneeId" IS NOT DISTINCT FROM d."assigneeId" AND c."status" = d.status
     WHERE c.n IS DISTINCT FROM d.n LIMIT 20`,
  );
  for (const r of views) v.push(`view counter ${r.key}: ${r.counter ?? 0} counted, ${r.direct ?? 0} open tips`);
  const clocks = await q<{ key: string; counter: number | null; direct: number | null }>(
    // Per received hour, but hours inside a key's summary row (ADR 0814) as one "-infinity" bucket.
    `WITH s AS (SELECT "stationId", "priority", "responded", max("until") FILTER (WHERE "hour" = '-infinity') AS s
                FROM mukhbir_internal.tip_clock_count GROUP BY 1, 2, 3),
          c AS (SELECT t."stationId", t."priority", t."responded",
                  CASE WHEN COALESCE(t."until", t."hour" + interval '1 hour') <= s.s THEN '-infinity'::timestamptz ELSE t."hour" END AS hour, sum(t."n")::int AS n
                FROM mukhbir_internal.tip_clock_count t
                LEFT JOIN s ON s."stationId" IS NOT DISTINCT FROM t."stationId" AND s."priority" = t."priority" AND s."responded" = t."responded"
                GROUP BY 1, 2, 3, 4 HAVING sum(t."n") <> 0),
          d AS (SELECT x."stationId", x.priority, x.responded,
                  CASE WHEN x.hour + interval '1 hour' <= s.s THEN '-infinity'::timestamptz ELSE x.hour END AS hour, sum(x.n)::int AS n
                FROM (SELECT "stationId", "priority"::text AS priority, "firstResponseAt" IS NOT NULL AS responded, mukhbir_internal.tip_hour("receivedAt") AS hour, count(*)::int AS n
                      FROM "Tip" WHERE mukhbir_internal.tip_open("status"::text) GROUP BY 1, 2, 3, 4) x
                LEFT JOIN s ON s."stationId" IS NOT DISTINCT FROM x."stationId" AND s."priority" = x.priority AND s."responded" = x.responded
                GROUP BY 1, 2, 3, 4)
     SELECT concat_ws('/', coalesce(c."priority", d.priority), coalesce(c."hour", d.hour)) AS key, c.n AS counter, d.n AS direct
     FROM c FULL JOIN d ON c."stationId" IS NOT DISTINCT FROM d."stationId" AND c."priority" = d.priority AND c."responded" = d.responded AND c."hour" = d.hour
     WHERE c.n IS DISTINCT FROM d.n LIMIT 20`,
  );
  for (const r of clocks) v.push(`clock counter ${r.key}: ${r.counter ?? 0} counted, ${r.direct ?? 0} open tips`);
  return v;
}
