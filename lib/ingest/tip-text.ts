// The TypeScript half of threading and a tip's text (the rule itself is SQL: open_tip, touch_tip,
// new_tip in prisma/functions, used by every ingest entry point). Threading (ADR 0101): a message
// joins its informant's most recent open tip when that tip's last activity is within
// THREAD_WINDOW_HOURS of it; otherwise it opens a new tip.
import "server-only";
import { env } from "../env";
import { clip } from "../text/clip";

/** The earliest last activity of a tip a message at `at` may still join. */
export function threadSince(at: Date): Date {
  return new Date(at.getTime() - env().THREAD_WINDOW_HOURS * 3_600_000);
}

/** NFKC folds Devanagari and full-width variants to one form; lower-case for case-insensitive search. */
export function searchText(s: string) {
  return s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

export function preview(s: string) {
  const one = s.replace(/\s+/g, " ").trim();
  return clip(one, 140, "…");
}
