// A search's plan (lib/search/sql.ts): each keyed query word with its phonetic key and the keys of
// the vocabulary words its typos stand for (trigram similarity, ADR 0700), and how many term rows
// those keys have (counted up to a cap: enough to walk the rarest word, ADR 0710). One statement;
// the same keys drive the search and the highlighting, so what is marked is what was matched.
import "server-only";
import { db } from "../db";
import { FUZZY_LIMIT, FUZZY_SIMILARITY, keyedWords, ownKeys, type SearchQuery } from "./query";
import { TERM_COUNT_CAP, type SearchPlan } from "./sql";

export async function loadSearchPlan(q: SearchQuery): Promise<SearchPlan> {
  const words = keyedWords(q);
  if (!words.length) return { query: q, words: [] };
  const romans = words.map((w) => (w.roman.length >= 3 && /^[a-z]+$/.test(w.roman) ? w.roman : null));
  const rows = await db.$queryRaw<{ i: bigint | number; fuzzy: string[]; rows: bigint | number }[]>`
    SELECT w.i, f.fuzzy,
           (SELECT count(*) FROM (SELECT 1 FROM mukhbir_internal.search_term st
                                  WHERE st."key" = ANY(array_remove(ARRAY[w.key, w.alt], NULL) || f.fuzzy) LIMIT ${TERM_COUNT_CAP}::int) x) AS rows
    FROM unnest(${words.map((w) => w.key!)}::text[], ${words.map((w) => w.alt)}::text[], ${romans}::text[]) WITH ORDINALITY AS w(key, alt, roman, i)
    CROSS JOIN LATERAL (SELECT ARRAY(
      SELECT sw."key" FROM mukhbir_internal.search_word sw
      WHERE w.roman IS NOT NULL AND sw.word % w.roman AND similarity(sw.word, w.roman) >= ${FUZZY_SIMILARITY}::real
      ORDER BY similarity(sw.word, w.roman) DESC LIMIT ${FUZZY_LIMIT}::int) AS fuzzy) f
    ORDER BY w.i`;
  return {
    query: q,
    words: rows.map((r, i) => {
      const own = ownKeys(words[i]);
      return { word: words[i].word, own, keys: [...new Set([...own, ...r.fuzzy])], rows: Number(r.rows) };
    }),
  };
}
