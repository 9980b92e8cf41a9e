// Human tip refs (EM-2026-000123), sequential per year with no gaps. The counter row is bumped
// inside the transaction that creates the tip: concurrent creators queue on its row lock, and a
// rolled-back tip rolls its number back too.
import type { Tx } from "../db";
import { TIME_ZONE } from "../i18n/locales";

export function refYear(at: Date): number {
  return Number(new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric" }).format(at));
}

export function formatRef(year: number, seq: number) {
  return `EM-${year}-${String(seq).padStart(6, "0")}`;
}

export async function allocateRef(tx: Tx, at: Date) {
  const year = refYear(at);
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "TipCounter" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "TipCounter"."last" + 1
    RETURNING "last"`;
  const seq = Number(row.last);
  return { year, seq, ref: formatRef(year, seq) };
}
