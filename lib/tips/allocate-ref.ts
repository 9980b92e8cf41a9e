// Human tip refs (EM-2026-000123), sequential per year (India time) with no gaps. The counter row
// is bumped (mukhbir_internal.next_tip_seq, the one place that takes a number) inside the
// transaction that creates the tip: concurrent creators queue on its row lock, and a rolled-back
// tip rolls its number back too. Because that lock is held until COMMIT, every new tip in the
// system waits for the previous one's commit, so take it as LATE as possible: every ingest entry
// point numbers a new tip in the last steps of its one statement (prisma/functions/new_tip.sql,
// ADR 0120; SQL `tip_ref()` formats as formatRef does). `allocateRef` is for short transactions
// (tests, fixtures) that need the number up front.
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
