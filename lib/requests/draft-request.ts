// A desk officer drafts an action request from a tip: the cleaned brief for one station, its due
// time (default per priority) and the images chosen to go with it (served to the station only as
// their metadata-free copies; voice notes never). Priorities that may go first (settings) are
// released at once and notified; the rest wait for a supervisor's approval.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { reaches, type Viewer } from "../auth/scope";
import { findScopedTip, lockScopedTip } from "../tips/find-scoped-tip";
import { parseBrief, briefText } from "./brief-input";
import { informantPhrases } from "./phrases";
import { defaultDue, requestSettings } from "./settings";
import { recordStep } from "./record-step";
import { enqueueNotifications } from "./notify";

export async function draftRequest(
  actor: Viewer & { ip?: string | null },
  ref: string,
  input: unknown,
  now = Date.now(),
) {
  // Scope first: a tip out of reach is "not found" whatever the input (nothing about it is revealed).
  await findScopedTip(db, actor, ref);
  const { brief, due } = parseBrief(input, now);
  return db.$transaction(async (tx) => {
    const scoped = await lockScopedTip(tx, actor, ref);
    const tip = await tx.tip.findUniqueOrThrow({
      where: { id: scoped.id },
      select: { id: true, ref: true, priority: true, status: true, informant: { select: { alias: true } } },
    });
    if (tip.status === "MERGED") throw new AppError("conflict");
    const station = await tx.policeStation.findFirst({
      where: { id: brief.stationId, active: true },
      select: { id: true, name: true },
    });
    if (!station || !reaches(actor, station.id)) throw new AppError("invalid");
    const media = [...new Set(brief.media)];
    if (media.length) {
      // Only this tip's stored images: a voice note identifies its speaker and is never sent.
      const ok = await tx.attachment.count({
        where: {
          id: { in: media },
          fetchState: "STORED",
          mime: { startsWith: "image/" },
          message: { tipId: tip.id, direction: "INBOUND" },
        },
      });
      if (ok !== media.length) throw new AppError("invalid");
    }
    const settings = await requestSettings(tx);
    const dueAt = due ?? defaultDue(settings, tip.priority, now);
    const warnings = informantPhrases(briefText(brief), tip.informant.alias).length;
    const sendFirst = settings.sendFirst.includes(tip.priority);
    const at = new Date(now);
    const request = await tx.actionRequest.create({
      data: {
        tipId: tip.id,
        stationId: station.id,
        priority: tip.priority,
        what: brief.what,
        where: brief.where,
        when: brief.when,
        whoNamed: brief.whoNamed,
        instructions: brief.instructions,
        dueAt,
        warnings,
        draftedById: actor.id,
        state: sendFirst ? "APPROVED" : "DRAFTED",
        releasedAt: sendFirst ? at : null,
        media: { create: media.map((attachmentId) => ({ attachmentId })) },
      },
      select: { id: true },
    });
    await tx.tip.update({ where: { id: tip.id }, data: { lastActivityAt: at } });
    const data = {
      station: station.name,
      priority: tip.priority,
      dueAt: dueAt.toISOString(),
      media: media.length,
      warnings,
    };
    await recordStep(tx, { actor, tip, requestId: request.id, step: "drafted", to: "DRAFTED", data });
    if (sendFirst) {
      await recordStep(tx, {
        actor,
        tip,
        requestId: request.id,
        step: "released",
        from: "DRAFTED",
        to: "APPROVED",
        data: { reviewAfter: true },
      });
      await enqueueNotifications(tx, request.id, station.id, "new");
    }
    return { id: request.id, released: sendFirst, warnings };
  });
}
