// Admin → Webhooks "Retry": queue a failed media fetch again (after a token was fixed, or a
// provider outage ended). Audited; a fetch that is not FAILED (already retried, stored) is a conflict.
import "server-only";
import crypto from "node:crypto";
import { db } from "../db";
import { audit } from "../audit";
import { AppError } from "../errors";
import { enqueue } from "../jobs/queue";
import type { Actor } from "../auth/guard";

export async function retryMediaFetch(actor: Pick<Actor, "id" | "role" | "ip">, attachmentId: string) {
  await db.$transaction(async (tx) => {
    const a = await tx.attachment.findUnique({
      where: { id: attachmentId },
      select: { id: true, fetchState: true, fetchError: true, message: { select: { tipId: true } } },
    });
    if (!a) throw new AppError("notFound");
    const done = await tx.attachment.updateMany({
      where: { id: a.id, fetchState: "FAILED" },
      data: { fetchState: "PENDING", fetchError: null },
    });
    if (!done.count) throw new AppError("conflict");
    // A new dedupe key: the first job's key is spent (it still exists, FAILED).
    await enqueue(
      tx,
      "media.fetch",
      { attachmentId: a.id },
      { dedupeKey: `media.fetch:${a.id}:retry:${crypto.randomUUID()}` },
    );
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "media.refetch",
      targetType: "attachment",
      targetId: a.id,
      tipId: a.message.tipId,
      detail: { previousError: (a.fetchError ?? "").slice(0, 300) },
      ip: actor.ip,
    });
  });
}
