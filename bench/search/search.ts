// Search and watch-matching cost at one archive size (ADR 0700, ADR 0702), on PostgreSQL, through
// the queue's real search path (listQueue) and the ingest statement's watch lookup, on the archive
// bench/search/seed.ts builds (the queue bench's tips with their search terms, 10,000 watch items). Prints one JSON line of medians; bench/search/run.mjs runs it at 1k and 1M and compares.
// Usage: DATABASE_URL=postgresql://…/mukhbir_search_bench_1000 tsx --conditions=react-server bench/search/search.ts 1000
import pg from "pg";

const size = Number(process.argv[2] ?? 1000);
const url = process.env.DATABASE_URL!;
const RUNS = Number(process.env.SEARCH_BENCH_RUNS ?? 40);
const { raw, db, closeDb } = await import("../../lib/db");
const { migrateDatabase } = await import("../../lib/db/migrate-database");
const { env } = await import("../../lib/env");
const { listQueue } = await import("../../lib/queue/list-queue");
const { parseQueueParams } = await import("../../lib/queue/params");
const { DEFAULT_SLA } = await import("../../lib/sla/targets");
const { messageWatchKeys } = await import("../../lib/watch/match");
const { seedSearchArchive, seedWatchItems } = await import("./seed");

await migrateDatabase(env(), raw());
const c = new pg.Client({ connectionString: url });
await c.connect();
await seedSearchArchive(c, size);
const owner = await seedWatchItems(c);
const rare = String(Math.floor(size / 2));
const probe = `kal raat avaidh sharab aur smack bech raha tha, gaadi UP70AB1234 ${rare}`;
const keys = messageWatchKeys(probe, undefined);
// …and one item the probe message does hit (all its keys are the message's), so the match returns a row.
await c.query(
  `INSERT INTO "WatchItem" ("id", "kind", "value", "normalised", "keys", "ownerId", "shared")
   VALUES (gen_random_uuid(), 'PHRASE', 'bench sharab smack', 'bench sharab smack', $1::text[], $2::uuid, true)`,
  [messageWatchKeys("sharab smack", undefined), owner],
);
await c.query("VACUUM ANALYZE");

const ctx = {
  viewer: { id: owner, role: "SUPERVISOR" as const, stationId: null, districtWide: true },
  targets: DEFAULT_SLA,
  now: new Date(),
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}
const watchLookup = () =>
  db.$queryRaw`SELECT EXISTS (SELECT 1 FROM "WatchItem" w WHERE w."active" AND w."keys" && ${keys}::text[]) AS hit`;
const watchMatch = () =>
  db.$queryRaw`SELECT w."id" FROM "WatchItem" w WHERE w."active" AND w."keys" && ${keys}::text[] AND w."keys" <@ ${keys}::text[]`;

const result = {
  size,
  // One tip says this number: the lookup is by key, whatever the archive.
  searchRareMs: await time(() => listQueue(parseQueueParams({ view: "all", q: rare }), ctx)),
  // A word in 1 of 12 tips: the candidates grow with the archive (first page by relevance).
  searchCommonMs: await time(() => listQueue(parseQueueParams({ view: "all", q: "sharab" }), ctx)),
  searchCommonOpenMs: await time(() => listQueue(parseQueueParams({ view: "open", q: "sharab" }), ctx)),
  searchTypoRareMs: await time(() => listQueue(parseQueueParams({ view: "all", q: `zameen ${rare}` }), ctx)),
  watchLookupMs: await time(watchLookup),
  watchMatchMs: await time(watchMatch),
};
console.log(JSON.stringify(result));
await c.end();
await closeDb();
