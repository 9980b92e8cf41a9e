// Human tip refs (EM-2026-000123), sequential per year (India time) with no gaps. The counter row
// is bumped inside the transaction that creates the tip: concurrent creators queue on its row lock,
// and a rolled-back tip rolls its number back too. Because that lock is held until COMMIT, every
// new tip in the system waits for the previous one's commit, so take it as LATE as possible
// (docs/decisions/0110-late-ref-allocation.md): ingest inserts a tip with a pending ref and a
// negative placeholder seq, and the `number_tip` trigger (migration
// 20261130123000_tip_ref_at_commit, same format as formatRef) numbers it during COMMIT.
// `allocateRef` is for short transactions (tests, fixtures) that need the number up front.
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import { TIME_ZONE } from "../i18n/locales";

// Built once: constructing an Intl.DateTimeFormat costs more than the rest of a message's ingest code.
const YEAR = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric" });

export function refYear(at: Date): number {
  return Number(YEAR.format(at));
}

export function formatRef(year: number, seq: number) {
  return `EM-${year}-${String(seq).padStart(6, "0")}`;
}

/** Bumps the year's counter (taking its row lock until COMMIT) and returns the new `last`. */
function bumpCounter(year: number) {
  return Prisma.sql`
    INSERT INTO "TipCounter" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "TipCounter"."last" + 1
    RETURNING "last"`;
}

export async function allocateRef(tx: Tx, at: Date) {
  const year = refYear(at);
  const [row] = await tx.$queryRaw<{ last: number }[]>(bumpCounter(year));
  const seq = Number(row.last);
  return { year, seq, ref: formatRef(year, seq) };
}

/**
 * The ref a tip carries until the trigger numbers it at COMMIT: unique per tip, never committed,
 * so no other session ever sees it. The acknowledgement text and live events are built with it.
 */
export function pendingRef(tipId: string) {
  return `pending:${tipId}`;
}

/**
 * SQL for a pending tip's placeholder `seq` (never a real number), unique under
 * @@unique([year, seq]) without a counter: minus the backend's process id. A backend runs one transaction at a time and a pending
 * tip lives only inside its own transaction, so concurrent placeholders never collide (PGlite runs
 * one transaction at a time anyway). Caller's rule: at most one pending tip per transaction.
 */
export const PENDING_SEQ = Prisma.sql`-pg_backend_pid()`;
