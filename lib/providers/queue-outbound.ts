// The one way a message to an informant is queued (ADR 0202): an OUTBOUND message row, QUEUED,
// and its `outbound.send` job, in the caller's transaction. Nothing here knows the address: the
// job decrypts it when it sends (lib/providers/send-outbound.ts), so an officer's reply, the desk's
// "action taken" line and the automatic status answer all leave the same way.
import "server-only";
import crypto from "node:crypto";
import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Provider } from "../generated/prisma/enums";
import { enqueue } from "../jobs/queue";

export type OutboundMessage = {
  tipId: string;
  informantId: string;
  /** The provider the informant last wrote through: the reply goes back the same way. */
  provider: Provider;
  body: string;
  meta?: Prisma.InputJsonValue;
  /** The officer who sent it; none for an automatic answer. */
  sentById?: string;
  sentAt?: Date;
};

/** Returns the new message's id; the job is deduplicated on it. */
export async function queueOutbound(tx: Tx, m: OutboundMessage): Promise<string> {
  const { id } = await tx.message.create({
    data: {
      tipId: m.tipId,
      informantId: m.informantId,
      direction: "OUTBOUND",
      kind: "TEXT",
      body: m.body,
      meta: m.meta,
      provider: m.provider,
      // Until the provider answers with its own id (the job sets it).
      providerMessageId: `local:${crypto.randomUUID()}`,
      deliveryStatus: "QUEUED",
      sentById: m.sentById,
      sentAt: m.sentAt,
    },
    select: { id: true },
  });
  await enqueue(tx, "outbound.send", { messageId: id }, { dedupeKey: id });
  return id;
}
