// Replying to an informant. The officer never sees where it goes: we only record an OUTBOUND
// message (QUEUED) and enqueue `outbound.send` in the same transaction; the job decrypts the
// address and calls the provider, and status callbacks move the message's ticks.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { audit } from "../audit";
import { publish } from "../live/bus";
import { queueOutbound } from "../providers/queue-outbound";
import type { Viewer } from "../auth/scope";
import { lockScopedTip } from "./find-scoped-tip";
import { changeTipField } from "./record-change";
import { noteFirstResponse } from "../sla/first-response";
import { replyMode } from "./reply-window";
// (lib/providers/window.ts decides the same thing again when the job sends: the window may close meanwhile.)

export const replyInput = z.object({
  /** The reply. Outside the 24-hour window it goes out as the approved template's one body parameter. */
  text: z.string().trim().min(1).max(1024),
  /** Which canned reply the text started from, for the audit trail. */
  cannedId: z.uuid().optional(),
});

export async function sendReply(actor: Viewer & { ip?: string | null }, ref: string, input: unknown) {
  const parsed = replyInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "empty reply", { field: "text" });
  const { text, cannedId } = parsed.data;
  const e = env();
  return db.$transaction(async (tx) => {
    const tip = await lockScopedTip(tx, actor, ref);
    const informant = await tx.informant.findUniqueOrThrow({
      where: { id: tip.informantId },
      select: { channel: true, lastInboundAt: true, blocked: true, addressDestroyedAt: true },
    });
    const mode = replyMode(informant, tip, { template: e.WHATSAPP_REPLY_TEMPLATE });
    if (mode.mode === "disabled") throw new AppError("conflict", "reply not possible", { reason: mode.reason });

    // Reply through the provider the informant last wrote to us through.
    const last = await tx.message.findFirst({
      where: { informantId: tip.informantId, direction: "INBOUND" },
      orderBy: { sentAt: "desc" },
      select: { provider: true },
    });
    if (!last) throw new AppError("conflict", "no inbound message", { reason: "windowClosed" });

    const now = new Date();
    const meta =
      mode.mode === "template"
        ? { template: mode.template, lang: e.WHATSAPP_REPLY_TEMPLATE_LANG }
        : cannedId
          ? { cannedId }
          : undefined;
    const messageId = await queueOutbound(tx, {
      tipId: tip.id,
      informantId: tip.informantId,
      provider: last.provider,
      body: text,
      meta,
      sentById: actor.id,
      sentAt: now,
    });

    // First response = an officer's claim or reply, whichever is first (docs/SLA.md).
    await noteFirstResponse(tx, tip.id, now);
    await tx.tip.update({ where: { id: tip.id }, data: { lastActivityAt: now } });
    if (tip.status === "NEW" || tip.status === "IN_PROGRESS")
      await changeTipField(tx, {
        actor,
        tipId: tip.id,
        field: "status",
        to: "WAITING_INFORMANT",
        data: { by: "reply" },
      });
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "tip.reply",
      targetType: "message",
      targetId: messageId,
      tipId: tip.id,
      detail: {
        ref: tip.ref,
        text,
        cannedId: cannedId ?? null,
        template: mode.mode === "template" ? mode.template : null,
        firstResponse: !tip.firstResponseAt,
      },
      ip: actor.ip ?? null,
    });
    await publish(tx, {
      type: "message.created",
      tipId: tip.id,
      ref: tip.ref,
      messageId: messageId,
      direction: "OUTBOUND",
    });
    await publish(tx, { type: "tip.updated", tipId: tip.id, ref: tip.ref });
    return { messageId: messageId };
  });
}
