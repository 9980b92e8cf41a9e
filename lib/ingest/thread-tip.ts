// Threading rule (docs/decisions/0101-threading-window.md): a message joins its informant's most
// recent open tip when that tip's last activity is within THREAD_WINDOW_HOURS of the message;
// otherwise it opens a new tip, numbered during COMMIT (lib/tips/allocate-ref.ts). Callers hold
// the informant's row lock (upsertInformant), so two messages from one person never both open a tip.
// Calls use these helpers inside a Prisma transaction; inbound messages go through
// mukhbir_internal.ingest_message (ADR 0120). Both use the same SQL functions for the rule itself.
import "server-only";
import crypto from "node:crypto";
import type { Tx } from "../db";
import type { Channel } from "../generated/prisma/enums";
import { env } from "../env";
import { PENDING_SEQ, pendingRef, refYear } from "../tips/allocate-ref";
import type { InformantRow } from "./upsert-informant";
import { clip } from "../text/clip";

/** A new tip carries its pending ref until the `number_tip` trigger numbers it at COMMIT. */
export type ThreadedTip = { id: string; ref: string; flagged: boolean; isNew: boolean };

export async function threadTip(tx: Tx, informant: InformantRow, channel: Channel, at: Date): Promise<ThreadedTip> {
  // A first contact has no tips yet (nobody else can see the informant row this transaction made).
  const open = informant.created ? undefined : await openTip(tx, informant.id, at);
  if (open) return { ...open, isNew: false };
  const id = crypto.randomUUID();
  const year = refYear(at);
  const ref = pendingRef(id);
  // The tip_pending row is what makes the deferred trigger number this tip at COMMIT.
  await tx.$executeRaw`
    WITH tip AS (
      INSERT INTO "Tip" ("id", "ref", "year", "seq", "channel", "informantId", "flagged", "receivedAt", "lastActivityAt", "lastInboundAt", "createdAt", "updatedAt")
      VALUES (${id}::uuid, ${ref}, ${year}, ${PENDING_SEQ}, ${channel}::"Channel", ${informant.id}::uuid, ${informant.blocked}, ${at}, ${at}, ${at}, now(), now())
      RETURNING "id"
    )
    INSERT INTO mukhbir_internal.tip_pending (tip_id) SELECT "id" FROM tip`;
  return { id, ref, flagged: informant.blocked, isNew: true };
}

async function openTip(tx: Tx, informantId: string, at: Date) {
  const [open] = await tx.$queryRaw<{ id: string; ref: string; flagged: boolean }[]>`
    SELECT * FROM mukhbir_internal.open_tip(${informantId}::uuid, ${threadSince(at)})`;
  return open;
}

/** The earliest last activity of a tip a message at `at` may still join. */
export function threadSince(at: Date): Date {
  return new Date(at.getTime() - env().THREAD_WINDOW_HOURS * 3_600_000);
}

type Touch = { at: Date; inbound: boolean; messages: number; media: number; text?: string; flag?: boolean };

/** Counters, preview and search text after a message was added (mukhbir_internal.touch_tip). */
export async function touchTip(tx: Tx, tipId: string, opts: Touch) {
  const text = opts.text?.trim() ?? "";
  await tx.$executeRaw`
    SELECT mukhbir_internal.touch_tip(${tipId}::uuid, ${opts.at}, ${opts.inbound}, ${opts.messages}::int, ${opts.media}::int,
      ${text ? preview(text) : ""}, ${text ? searchText(text) : ""}, ${opts.flag ?? false})`;
}

/** NFKC folds Devanagari and full-width variants to one form; lower-case for case-insensitive search. */
export function searchText(s: string) {
  return s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

export function preview(s: string) {
  const one = s.replace(/\s+/g, " ").trim();
  return clip(one, 140, "…");
}
