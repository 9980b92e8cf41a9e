// The desk tells the informant that action was taken (issue 15 item 6, ADR 0607): one fixed,
// approved, bilingual line with the ref and thanks — never a station, an outcome or a detail of the
// brief. Allowed once per request, only when the station reported action (not "not found"), and it
// leaves through the one sending path (ADR 0202): an OUTBOUND QUEUED message and its `outbound.send`
// job, in the same transaction as the request's step. Inside the 24-hour window it is free text;
// outside it, the approved template WHATSAPP_ACTION_TEMPLATE with the ref as its one parameter.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { queueOutbound } from "../providers/queue-outbound";
import { publish } from "../live/bus";
import type { Viewer } from "../auth/scope";
import type { ReportKind } from "../generated/prisma/enums";
import { replyMode } from "../tips/reply-window";
import { deskRequestScope, lockRequestInScope } from "./scope";
import { recordStep } from "./record-step";

/** Reports that mean the station acted (an acknowledgement or "not found" does not). */
export const ACTION_KINDS: ReportKind[] = ["ACTION_TAKEN", "FIR_REGISTERED", "ARREST", "RECOVERY"];

export function actionTakenText(ref: string): string {
  return [
    `आपकी सूचना ${ref} पर कार्रवाई की गई है। धन्यवाद।`,
    `Action has been taken on your information ${ref}. Thank you.`,
  ].join("\n\n");
}

export async function tellInformant(actor: Viewer & { ip?: string | null }, id: string) {
  const e = env();
  return db.$transaction(async (tx) => {
    // Two officers pressing at once: the second waits here and then finds it already told.
    await lockRequestInScope(tx, id, deskRequestScope(actor));
    const r = await tx.actionRequest.findUniqueOrThrow({
      where: { id },
      select: {
        state: true,
        informantToldAt: true,
        tip: { select: { id: true, ref: true, status: true, informantId: true } },
        _count: { select: { reports: { where: { kind: { in: ACTION_KINDS } } } } },
      },
    });
    if (r.informantToldAt) throw new AppError("informantAlreadyTold");
    if ((r.state !== "REPORTED" && r.state !== "CLOSED") || r._count.reports === 0)
      throw new AppError("noActionReported");
    const informant = await tx.informant.findUniqueOrThrow({
      where: { id: r.tip.informantId },
      select: { channel: true, lastInboundAt: true, blocked: true, addressDestroyedAt: true },
    });
    const mode = replyMode(informant, r.tip, { template: e.WHATSAPP_ACTION_TEMPLATE });
    if (mode.mode === "disabled") throw new AppError("informantUnreachable", "cannot message", { reason: mode.reason });
    const last = await tx.message.findFirst({
      where: { informantId: r.tip.informantId, direction: "INBOUND" },
      orderBy: { sentAt: "desc" },
      select: { provider: true },
    });
    if (!last) throw new AppError("informantUnreachable", "no inbound message", { reason: "windowClosed" });

    const now = new Date();
    const ifTemplate = { name: e.WHATSAPP_ACTION_TEMPLATE, lang: e.WHATSAPP_ACTION_TEMPLATE_LANG, params: [r.tip.ref] };
    const messageId = await queueOutbound(tx, {
      tipId: r.tip.id,
      informantId: r.tip.informantId,
      provider: last.provider,
      body: actionTakenText(r.tip.ref),
      // `ifTemplate`: what the sending job uses if the window has closed by then (lib/providers/send-outbound.ts).
      meta: {
        actionTaken: id,
        ifTemplate,
        ...(mode.mode === "template" ? { template: ifTemplate.name, lang: ifTemplate.lang } : {}),
      },
      sentById: actor.id,
      sentAt: now,
    });
    await tx.actionRequest.update({ where: { id }, data: { informantToldAt: now, informantMessageId: messageId } });
    await recordStep(tx, {
      actor,
      tip: r.tip,
      requestId: id,
      step: "informant_told",
      data: { messageId: messageId, mode: mode.mode },
    });
    await publish(tx, {
      type: "message.created",
      tipId: r.tip.id,
      ref: r.tip.ref,
      messageId: messageId,
      direction: "OUTBOUND",
    });
    return { messageId: messageId, mode: mode.mode };
  });
}
