// The SQL of the one search path (lib/search/query.ts says what matches, ADR 0700; ADR 0710 how a
// page is found): Prisma.sql fragments with every value bound (ADR 0030). A plan is the query with
// each keyed word's keys, loaded once per search (lib/search/plan.ts).
import { Prisma } from "../generated/prisma/client";
import type { SearchQuery } from "./query";

/**
 * One keyed word of a query as typed, its own phonetic keys (its key and a second one for ड़), then the keys of the vocabulary words its
 * typos stand for, and how many term rows those keys have, counted up to TERM_COUNT_CAP.
 */
export type PlannedWord = { word: string; own: string[]; keys: string[]; rows: number };
export const TERM_COUNT_CAP = 1000;
export type SearchPlan = { query: SearchQuery; words: PlannedWord[] };

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const pattern = (q: SearchQuery) => `%${likeEscape(q.text)}%`;

/** The tip's text contains the query as typed, or the query is its ref. */
const exactSql = (q: SearchQuery, tip: Prisma.Sql) =>
  Prisma.sql`(${tip}."searchText" LIKE ${pattern(q)} OR ${tip}."ref" = ${q.ref})`;

/** The term row (key in `keys`) of one tip, found by the whole primary key (key, received_at, tip_id). */
const hasKey = (keys: string[], at: Prisma.Sql, id: Prisma.Sql) =>
  Prisma.sql`EXISTS (SELECT 1 FROM mukhbir_internal.search_term s WHERE s."key" = ANY(${keys}::text[]) AND s.received_at = ${at} AND s.tip_id = ${id})`;

/** Whether one row matches: for rows already picked by id (live updates of an open queue). */
export function searchMatchSql(p: SearchPlan, tip: Prisma.Sql): Prisma.Sql {
  if (!p.words.length) return exactSql(p.query, tip);
  const every = p.words.map((w) => hasKey(w.keys, Prisma.sql`${tip}."receivedAt"`, Prisma.sql`${tip}."id"`));
  return Prisma.sql`(${exactSql(p.query, tip)} OR (${Prisma.join(every, " AND ")}))`;
}

/** Every matching tip id, as a set (`t."id" IN (…)`): for sorts other than by time, which need them all. */
export function searchCandidatesSql(p: SearchPlan): Prisma.Sql {
  const exact = Prisma.sql`SELECT x."id" FROM "Tip" x WHERE ${exactSql(p.query, Prisma.sql`x`)}`;
  if (!p.words.length) return exact;
  const byWord = p.words.map(
    (w) => Prisma.sql`SELECT st.tip_id FROM mukhbir_internal.search_term st WHERE st."key" = ANY(${w.keys}::text[])`,
  );
  return Prisma.sql`${exact} UNION (${Prisma.join(byWord, " INTERSECT ")})`;
}

export type WalkOptions = {
  /** The queue's other conditions on `t` (scope, view, filters). */
  where: Prisma.Sql;
  /** Rows strictly after this one in walk order. */
  after?: { at: string; id: string };
  desc: boolean;
  limit: number;
  /** The filters' receivedAt bounds again, for the term index's range (the planner does not carry ranges across a join). */
  range: (column: Prisma.Sql) => Prisma.Sql[];
};

/**
 * The next `limit` matching tip ids in receivedAt (then id) order, found without collecting every
 * match: the exact branch walks the tips in time order (or, for a rare text, the trigram index —
 * the planner's choice), the key branch walks the term index of the rarest word's keys newest first
 * (one index range per key, merged, each key's rows minus those an earlier key gave) and probes the
 * other words by primary key. Each branch stops at `limit`; their union is cut to `limit` again.
 */
export function searchWalkSql(p: SearchPlan, o: WalkOptions): Prisma.Sql {
  const dir = o.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const cmp = o.desc ? Prisma.sql`<` : Prisma.sql`>`;
  const after = (at: Prisma.Sql, id: Prisma.Sql) =>
    o.after ? Prisma.sql`AND (${at}, ${id}) ${cmp} (${o.after.at}::timestamptz, ${o.after.id}::uuid)` : Prisma.empty;
  const [lead, ...others] = [...p.words].sort((a, b) => a.rows - b.rows);
  const exact = Prisma.sql`SELECT t."id", t."receivedAt" FROM "Tip" t
    WHERE ${exactWalkSql(p.query, lead)} AND (${o.where}) ${after(Prisma.sql`t."receivedAt"`, Prisma.sql`t."id"`)}
    ORDER BY t."receivedAt" ${dir}, t."id" ${dir} LIMIT ${o.limit}::int`;
  if (!lead)
    return Prisma.sql`SELECT m."id" FROM (${exact}) m ORDER BY m."receivedAt" ${dir}, m."id" ${dir} LIMIT ${o.limit}::int`;
  const range = o.range(Prisma.sql`st.received_at`);
  const streams = lead.keys.map((k, i) => {
    const conds = [Prisma.sql`st."key" = ${k}`, ...range];
    if (i > 0)
      conds.push(Prisma.sql`NOT ${hasKey(lead.keys.slice(0, i), Prisma.sql`st.received_at`, Prisma.sql`st.tip_id`)}`);
    return Prisma.sql`SELECT st.tip_id, st.received_at FROM mukhbir_internal.search_term st WHERE ${Prisma.join(conds, " AND ")}`;
  });
  const rest = others.length
    ? Prisma.join(
        others.map((w) => Prisma.sql`AND ${hasKey(w.keys, Prisma.sql`c.received_at`, Prisma.sql`c.tip_id`)}`),
        " ",
      )
    : Prisma.empty;
  const byKey = Prisma.sql`SELECT t."id", t."receivedAt" FROM (${Prisma.join(streams, " UNION ALL ")}) c
    JOIN "Tip" t ON t."id" = c.tip_id
    WHERE (${o.where}) ${rest} ${after(Prisma.sql`c.received_at`, Prisma.sql`c.tip_id`)}
    ORDER BY c.received_at ${dir}, c.tip_id ${dir} LIMIT ${o.limit}::int`;
  return Prisma.sql`SELECT m."id" FROM ((${exact}) UNION (${byKey})) m ORDER BY m."receivedAt" ${dir}, m."id" ${dir} LIMIT ${o.limit}::int`;
}

/**
 * The exact condition for the walk. When the query has a rare word (fewer term rows than the cap),
 * the trigram index is asked for that word alone and the whole text is checked on its few rows (a
 * `|| ''` keeps the planner from feeding the whole text's trigrams to the index): a common word's
 * trigrams have posting lists that grow with the archive, and intersecting them cost ~7 ms at 1M
 * tips for "zameen 500000". The word is part of the query text, so the matches are the same.
 */
function exactWalkSql(q: SearchQuery, lead: PlannedWord | undefined): Prisma.Sql {
  if (
    !lead ||
    lead.rows >= TERM_COUNT_CAP ||
    lead.word.length < 3 ||
    lead.word === q.text ||
    !q.text.includes(lead.word)
  )
    return exactSql(q, Prisma.sql`t`);
  return Prisma.sql`((t."searchText" LIKE ${`%${likeEscape(lead.word)}%`} AND (t."searchText" || '') LIKE ${pattern(q)}) OR t."ref" = ${q.ref})`;
}

/** 3 exact, 2 phonetic (every word's own keys), 1 fuzzy, for a row already known to match. */
export function searchRankSql(p: SearchPlan, tip: Prisma.Sql): Prisma.Sql {
  const phonetic = p.words.length
    ? Prisma.join(
        p.words.map((w) => hasKey(w.own, Prisma.sql`${tip}."receivedAt"`, Prisma.sql`${tip}."id"`)),
        " AND ",
      )
    : Prisma.sql`FALSE`;
  return Prisma.sql`(CASE WHEN ${exactSql(p.query, tip)} THEN 3 WHEN ${phonetic} THEN 2 ELSE 1 END)`;
}
