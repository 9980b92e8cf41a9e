// One search path for the queue (docs/decisions/0700-cross-script-search.md, extending ADR 0300):
// a query matches a tip when
//   exact    — its text contains the query as typed (NFKC, case-folded; trigram GIN on searchText),
//              or the query is the tip's ref; or
//   phonetic — every word of the query has its phonetic key (lib/search/keys.ts) among the tip's
//              keys (mukhbir_internal.search_term, looked up by key); or
//   fuzzy    — a word's key may also be the key of a vocabulary word within trigram distance of
//              its romanised form (mukhbir_internal.search_word, trigram GIN): typos.
// Ranked exact > phonetic > fuzzy within a page of the newest matches (ADR 0710): the page is found
// by walking the index in time order and stopping after a page, so its cost follows neither the
// archive nor the number of matches (the SQL is lib/search/sql.ts). User text is only ever a bound
// value: never a regular expression, never SQL.
import { MIN_KEY, foldWord, tokenise } from "./keys";

/** `alt`: the word's second key (ड़ read as r, lib/search/keys.ts), matched as phonetic as the first. */
export type SearchWord = { word: string; roman: string; key: string | null; alt: string | null };
export type SearchQuery = { text: string; ref: string; words: SearchWord[] };

/** Shortest query (letters and digits, not counting spaces and punctuation). */
export const MIN_QUERY = 2;
/** Most query words used (the rest of a long paste is still matched as exact text). */
const MAX_WORDS = 8;
/** How many vocabulary words a misspelt word may stand for, and how alike they must be. */
export const FUZZY_LIMIT = 8;
export const FUZZY_SIMILARITY = 0.42;

/** NFKC, lower case, collapsed spaces: the form Tip.searchText is stored in. */
export function normaliseSearch(q: string) {
  return q.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

export type ParsedSearch = { ok: true; query: SearchQuery } | { ok: false; error: "tooShort" };

export function parseSearch(raw: string): ParsedSearch {
  const text = normaliseSearch(raw);
  const letters = [...text].filter((c) => /[\p{L}\p{M}\p{N}]/u.test(c)).length;
  if (letters < MIN_QUERY) return { ok: false, error: "tooShort" };
  const seen = new Set<string>();
  const words: SearchWord[] = [];
  for (const t of tokenise(text)) {
    const id = t.key ?? t.word;
    if (seen.has(id)) continue;
    seen.add(id);
    const keyed = t.key && t.key.length >= MIN_KEY;
    words.push({
      word: t.word,
      roman: t.roman,
      key: keyed ? t.key : null,
      alt: keyed && t.alt && t.alt.length >= MIN_KEY ? t.alt : null,
    });
  }
  return { ok: true, query: { text, ref: raw.trim().toUpperCase(), words: words.slice(0, MAX_WORDS) } };
}

/** Words that take part in key matching (a word with no usable key, e.g. "a", is left to the exact text). */
export const keyedWords = (q: SearchQuery) => q.words.filter((w) => w.key);

/** A keyed word's own keys: its key and its second key, if it has one. */
export const ownKeys = (w: SearchWord): string[] => (w.alt ? [w.key!, w.alt] : [w.key!]);

/** The query words' keys plus the keys their typos stand for: what `markMatches` highlights. */
export type MatchKeys = { words: string[]; keys: string[] };

export function matchKeysFor(q: SearchQuery, fuzzyKeys: string[] = []): MatchKeys {
  return {
    words: q.words.map((w) => w.word).filter((w) => w.length >= MIN_QUERY),
    keys: [...new Set([...keyedWords(q).flatMap(ownKeys), ...fuzzyKeys])],
  };
}

/**
 * The [start, end) ranges of `text`'s words that a search matched: a word that contains a query
 * word as typed, or whose phonetic key is one of the query's (or its typos'). For <mark> in the
 * queue row and on the tip page. Plain string comparison, no pattern built from the query.
 */
export function markMatches(text: string, m: MatchKeys | null | undefined): [number, number][] {
  if (!m || !text || (!m.words.length && !m.keys.length)) return [];
  const keys = new Set(m.keys);
  const out: [number, number][] = [];
  for (const t of tokenise(text)) {
    const w = foldWord(t.word);
    if ((t.key && keys.has(t.key)) || (t.alt && keys.has(t.alt)) || m.words.some((q) => w.includes(q)))
      out.push([t.start, t.end]);
  }
  return out;
}
