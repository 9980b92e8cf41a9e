// The keys a search highlights: its words' phonetic keys plus the keys of the vocabulary words its
// typos stand for (the same trigram lookup the search itself makes, ADR 0700).
import "server-only";
import { db } from "../db";

import { FUZZY_SIMILARITY, matchKeysFor, parseSearch, type MatchKeys, type SearchQuery } from "./query";

export async function loadMatchKeys(q: SearchQuery): Promise<MatchKeys> {
  const romans = q.words.filter((w) => w.key && w.roman.length >= 3 && /^[a-z]+$/.test(w.roman)).map((w) => w.roman);
  if (!romans.length) return matchKeysFor(q);
  const rows = await db.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT f."key" FROM unnest(${romans}::text[]) AS r(word)
    CROSS JOIN LATERAL (SELECT sw."key" FROM mukhbir_internal.search_word sw WHERE sw.word % r.word AND similarity(sw.word, r.word) >= ${FUZZY_SIMILARITY}::real
                        ORDER BY similarity(sw.word, r.word) DESC LIMIT 8) f`;
  return matchKeysFor(
    q,
    rows.map((r) => r.key),
  );
}

/** For a page given `?q=`: the keys to highlight, or null when there is no (usable) query. */
export async function matchKeysOfText(raw: string | undefined): Promise<MatchKeys | null> {
  if (!raw) return null;
  const parsed = parseSearch(raw.slice(0, 200));
  return parsed.ok ? loadMatchKeys(parsed.query) : null;
}

export type { MatchKeys };
