// The last statement of an ingest transaction. It sends the transaction's live events (delivered
// by Postgres only after COMMIT) and, when the transaction opened a tip, gives that tip its number:
// bumping the year's counter takes a row lock that every other new tip waits for until we COMMIT,
// so it happens here, one round trip before COMMIT, instead of early in the transaction
// (docs/decisions/0110-late-ref-allocation.md). The acknowledgement text and the event payloads
// were built with the tip's pending ref; the same statement swaps in the real one.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import { CHANNEL, type LiveEvent } from "../live/bus";
import { bumpCounter, pendingRef, refSql } from "../tips/allocate-ref";
import type { ThreadedTip } from "./thread-tip";

export type BusEvent = Exclude<LiveEvent, { type: "resync" }>;

/** Returns the tip's ref (the real one for a new tip). */
export async function finishIngest(tx: Tx, tip: ThreadedTip, events: BusEvent[]): Promise<string> {
  const payloads = events.map((e) => JSON.stringify(e));
  if (!tip.isNew) {
    if (payloads.length) await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, p) FROM unnest(${payloads}::text[]) AS p`;
    return tip.ref;
  }
  const pending = pendingRef(tip.id);
  // `sent` is a plain SELECT: Postgres evaluates it only when referenced, hence the count below.
  const [row] = await tx.$queryRaw<{ ref: string }[]>`
    WITH counter AS (${bumpCounter(tip.year)}),
    tip AS (
      UPDATE "Tip" SET "seq" = counter."last", "ref" = ${refSql(tip.year, Prisma.sql`counter."last"`)}
      FROM counter WHERE "Tip"."id" = ${tip.id}::uuid AND "Tip"."ref" = ${pending}
      RETURNING "Tip"."ref"
    ),
    ack AS (
      UPDATE "Message" SET "body" = replace("body", ${pending}, tip."ref")
      FROM tip WHERE "Message"."tipId" = ${tip.id}::uuid AND "Message"."direction" = 'OUTBOUND'
    ),
    sent AS (SELECT pg_notify(${CHANNEL}, replace(p, ${pending}, tip."ref")) FROM tip, unnest(${payloads}::text[]) AS p)
    SELECT tip."ref", (SELECT count(*) FROM sent)::int AS "sent" FROM tip`;
  // Without its pending tip the counter must not move: fail, and the transaction rolls back.
  if (!row) throw new Error("finishIngest: pending tip not found");
  return row.ref;
}
