// The keys a search highlights: its words' phonetic keys plus the keys of the vocabulary words its
// typos stand for — the plan's keys, the same the search itself matched on (ADR 0700).
import "server-only";
import { matchKeysFor, parseSearch, type MatchKeys } from "./query";
import type { SearchPlan } from "./sql";
import { loadSearchPlan } from "./plan";

export const matchKeysOfPlan = (p: SearchPlan): MatchKeys =>
  matchKeysFor(
    p.query,
    p.words.flatMap((w) => w.keys),
  );

/** For a page given `?q=`: the keys to highlight, or null when there is no (usable) query. */
export async function matchKeysOfText(raw: string | undefined): Promise<MatchKeys | null> {
  if (!raw) return null;
  const parsed = parseSearch(raw.slice(0, 200));
  return parsed.ok ? matchKeysOfPlan(await loadSearchPlan(parsed.query)) : null;
}

export type { MatchKeys };
