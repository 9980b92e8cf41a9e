// The SQL of the one search path (lib/search/query.ts says what matches): the candidate tip ids and
// the rank, as Prisma.sql fragments with every value bound (ADR 0030, ADR 0700).
import { Prisma } from "../generated/prisma/client";
import { FUZZY_LIMIT, FUZZY_SIMILARITY, keyedWords, type SearchQuery, type SearchWord } from "./query";

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The phonetic and (for typos) fuzzy keys one query word stands for, as an SQL array. */
function wordKeys(w: SearchWord): Prisma.Sql {
  const fuzzy =
    w.roman.length >= 3 && /^[a-z]+$/.test(w.roman)
      ? Prisma.sql`ARRAY(SELECT sw."key" FROM mukhbir_internal.search_word sw WHERE sw.word % ${w.roman} AND similarity(sw.word, ${w.roman}) >= ${FUZZY_SIMILARITY}::real ORDER BY similarity(sw.word, ${w.roman}) DESC LIMIT ${FUZZY_LIMIT}::int)`
      : Prisma.sql`ARRAY[]::text[]`;
  return Prisma.sql`(ARRAY[${w.key}]::text[] || ${fuzzy})`;
}

/** Tip ids matching `q`: one set from index lookups, used as `t."id" IN (…)`. */
export function searchCandidatesSql(q: SearchQuery): Prisma.Sql {
  const exact = Prisma.sql`SELECT x."id" FROM "Tip" x WHERE x."searchText" LIKE ${`%${likeEscape(q.text)}%`} OR x."ref" = ${q.ref}`;
  const words = keyedWords(q);
  if (!words.length) return exact;
  const byKey = words.map(
    (w) => Prisma.sql`SELECT st.tip_id FROM mukhbir_internal.search_term st WHERE st."key" = ANY(${wordKeys(w)})`,
  );
  return Prisma.sql`${exact} UNION (${Prisma.join(byKey, " INTERSECT ")})`;
}

/** 3 exact, 2 phonetic, 1 fuzzy, for a row already known to match. */
export function searchRankSql(q: SearchQuery, tip: Prisma.Sql): Prisma.Sql {
  const words = keyedWords(q);
  const phonetic = words.length
    ? Prisma.join(
        words.map(
          (w) =>
            Prisma.sql`EXISTS (SELECT 1 FROM mukhbir_internal.search_term st WHERE st."key" = ${w.key} AND st.tip_id = ${tip}."id")`,
        ),
        " AND ",
      )
    : Prisma.sql`FALSE`;
  return Prisma.sql`(CASE WHEN ${tip}."searchText" LIKE ${`%${likeEscape(q.text)}%`} OR ${tip}."ref" = ${q.ref} THEN 3 WHEN ${phonetic} THEN 2 ELSE 1 END)`;
}
