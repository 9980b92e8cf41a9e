// The search bench's archive, in one place for every bench that needs searchable tips at scale
// (bench/search/search.ts at 1k and 1M; bench/scale indexes the dashboard seed's tips, written with
// these texts, through `indexSeededTips`): the
// queue bench's synthetic tips (bench/queue/seed.sql) plus what ingest would have indexed for them —
// each word's phonetic key in mukhbir_internal.search_term with the tip's receivedAt (ADR 0710), and
// the romanised words in search_word — and 10,000 watch items (`seedWatchItems`).
// Terms are derived from each tip's own searchText (its words looked up in a key table computed here
// by lib/search/keys.ts, numbers being their own key), so keys and text always agree however often
// the archive was topped up. Tips are indexed in seq ranges, one statement per BATCH tips.
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { indexTerms } from "../../lib/search/keys";

const here = path.dirname(new URL(import.meta.url).pathname);
/** The year bench/queue/seed.sql files its tips under (their refs are EM-2025-…). */
const SEED_YEAR = 2025;
const BATCH = 200_000;

const queueSeed = () => fs.readFileSync(path.join(here, "../queue/seed.sql"), "utf8");

/** The texts of bench/queue/seed.sql (its `words` array), read from the file itself. */
export function seedTexts(sql = queueSeed()): string[] {
  const m = /words AS \(SELECT ARRAY\[(.*?)\] AS w\)/.exec(sql);
  if (!m) throw new Error("bench/queue/seed.sql: no words array");
  return [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]);
}

/** Tops the archive up to `size` tips and indexes the new ones; returns how many were added. */
export async function seedSearchArchive(c: pg.Client, size: number, log = console.error): Promise<number> {
  const have = Number((await c.query(`SELECT count(*) AS n FROM "Tip"`)).rows[0].n);
  if (have >= size) return 0;
  const t0 = Date.now();
  const sql = queueSeed();
  const before = Number(
    (await c.query(`SELECT COALESCE(max("seq"), 0) AS s FROM "Tip" WHERE "year" = $1`, [SEED_YEAR])).rows[0].s,
  );
  await c.query(sql.replace(/:n\b/g, String(size - have)));
  const after = Number(
    (await c.query(`SELECT COALESCE(max("seq"), 0) AS s FROM "Tip" WHERE "year" = $1`, [SEED_YEAR])).rows[0].s,
  );
  log(`seeded ${size - have} tips in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  await indexSeededTips(c, SEED_YEAR, before, after, log);
  return size - have;
}

/**
 * 10,000 shared watch items (phrases with keys no bench text has, as a desk's long list would be),
 * replacing the previous run's; returns their owner. Watch matching must not grow with this list.
 */
export async function seedWatchItems(c: pg.Client, n = 10_000): Promise<string> {
  const owner =
    (await c.query(`SELECT "id" FROM "User" LIMIT 1`)).rows[0]?.id ??
    (
      await c.query(
        `INSERT INTO "User" ("id", "username", "name", "passwordHash", "role", "updatedAt") VALUES (gen_random_uuid(), 'bench-watch', 'Bench', 'x', 'SUPERVISOR', now()) RETURNING "id"`,
      )
    ).rows[0].id;
  await c.query(`DELETE FROM "WatchItem" WHERE "value" LIKE 'bench %'`);
  await c.query(
    `INSERT INTO "WatchItem" ("id", "kind", "value", "normalised", "keys", "ownerId", "shared")
     SELECT gen_random_uuid(), 'PHRASE', 'bench ' || i, 'bench ' || i, ARRAY['bw' || i, 'bx' || (i % 97)], $1::uuid, true FROM generate_series(1, $2::int) i`,
    [owner, n],
  );
  return owner;
}

/**
 * What ingest would have indexed for the tips of `year` with before < seq <= after, whose searchText
 * is made of seedTexts() and numbers (bench/queue/seed.sql's, or bench/dashboard/seed.sql's given
 * those texts): search terms with the tip's receivedAt, the romanised words, the folded counters.
 */
export async function indexSeededTips(c: pg.Client, year: number, before: number, after: number, log = console.error) {
  // searchText is lower(text): split on spaces, each word to its key as ingest computes it.
  const texts = [...seedTexts(), "near"].map((t) => t.toLowerCase());
  const keyOf: Record<string, string> = {};
  for (const word of new Set(texts.flatMap((t) => t.split(" ")))) {
    const k = indexTerms(word).keys[0];
    if (k) keyOf[word] = k;
  }
  const t1 = Date.now();
  for (let lo = before; lo < after; lo += BATCH)
    await c.query(
      `INSERT INTO mukhbir_internal.search_term ("key", received_at, tip_id)
       SELECT DISTINCT COALESCE($1::jsonb ->> w, CASE WHEN w ~ '^[0-9]{2,}$' THEN w END) AS k, t."receivedAt", t."id"
       FROM "Tip" t CROSS JOIN LATERAL regexp_split_to_table(t."searchText", ' ') AS w
       WHERE t."year" = $2 AND t."seq" > $3 AND t."seq" <= $4
         AND COALESCE($1::jsonb ->> w, CASE WHEN w ~ '^[0-9]{2,}$' THEN w END) IS NOT NULL
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(keyOf), year, lo, Math.min(after, lo + BATCH)],
    );
  for (const t of texts)
    for (const w of indexTerms(t).words)
      await c.query(`INSERT INTO mukhbir_internal.search_word (word, "key") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        w.word,
        w.key,
      ]);
  await c.query("SELECT mukhbir_internal.fold_tip_counts()");
  log(`indexed their search terms in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
}
