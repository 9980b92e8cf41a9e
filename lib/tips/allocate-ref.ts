// Human tip refs (EM-2026-000123), sequential per year (India time) with no gaps. The counter row
// is bumped (mukhbir_internal.next_tip_seq, the one place that takes a number) inside the
// transaction that creates the tip: concurrent creators queue on its row lock, and a rolled-back
// tip rolls its number back too. Because that lock is held until COMMIT, every new tip in the
// system waits for the previous one's commit, so take it as LATE as possible: an inbound message's
// tip is numbered in the last steps of its one statement (ADR 0120); a call's tip is inserted with
// a pending ref and a negative placeholder seq and numbered during COMMIT by the `number_tip`
// trigger (ADR 0110; SQL `tip_ref()` formats as formatRef does). `allocateRef` is for short
// transactions (tests, fixtures) that need the number up front.
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

/** Takes the year's next number now (its row lock is held until COMMIT). */
export async function allocateRef(tx: Tx, at: Date) {
  const year = refYear(at);
  const [row] = await tx.$queryRaw<{ seq: number }[]>`SELECT mukhbir_internal.next_tip_seq(${year}::int) AS "seq"`;
  const seq = Number(row.seq);
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
