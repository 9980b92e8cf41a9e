// The station's side of a request: acknowledging it, and reporting what was done (with field
// photos). Scoped on the server: a request of another station, or one not yet released, is
// "not found". Each is one transaction with its TipEvent, audit row and live event.
import "server-only";
import { db } from "../db";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { Viewer } from "../auth/scope";
import type { RequestState } from "../generated/prisma/enums";
import { lockRequestInScope, stationRequestScope } from "./scope";
import { recordStep } from "./record-step";
import type { ReportInput } from "./report-input";
import { dropPhotos, type StoredPhoto } from "./field-photos";

type Actor = Viewer & { ip?: string | null };
const OPEN: RequestState[] = ["APPROVED", "SENT", "ACKNOWLEDGED", "REPORTED"];

async function lockStationRequest(tx: Tx, actor: Actor, id: string) {
  await lockRequestInScope(tx, id, stationRequestScope(actor));
  return tx.actionRequest.findUniqueOrThrow({
    where: { id },
    select: { id: true, state: true, acknowledgedAt: true, tip: { select: { id: true, ref: true } } },
  });
}

/** "Not found" unless the viewer's station was released this request (checked before any input is read). */
export async function assertStationRequest(actor: Viewer, id: string) {
  if (
    !/^[0-9a-f-]{36}$/i.test(id) ||
    !(await db.actionRequest.findFirst({ where: { id, ...stationRequestScope(actor) }, select: { id: true } }))
  )
    throw new AppError("notFound");
}

export async function acknowledgeRequest(actor: Actor, id: string, now = Date.now()) {
  return db.$transaction(async (tx) => {
    const r = await lockStationRequest(tx, actor, id);
    if (r.state !== "APPROVED" && r.state !== "SENT") throw new AppError("conflict");
    const at = new Date(now);
    await tx.actionRequest.update({ where: { id: r.id }, data: { state: "ACKNOWLEDGED", acknowledgedAt: at } });
    await tx.actionReport.create({
      data: { requestId: r.id, authorId: actor.id, kind: "ACKNOWLEDGED" },
      select: { id: true },
    });
    await recordStep(tx, {
      actor,
      tip: r.tip,
      requestId: r.id,
      step: "acknowledged",
      from: r.state,
      to: "ACKNOWLEDGED",
    });
  });
}

/** Records a report with its already-stored photos; if anything fails, the photos are deleted again. */
export async function reportAction(
  actor: Actor,
  id: string,
  input: ReportInput,
  photos: StoredPhoto[],
  now = Date.now(),
) {
  try {
    return await db.$transaction(async (tx) => {
      const r = await lockStationRequest(tx, actor, id);
      if (!OPEN.includes(r.state)) throw new AppError("conflict");
      const at = new Date(now);
      const report = await tx.actionReport.create({
        data: {
          requestId: r.id,
          authorId: actor.id,
          kind: input.kind,
          firNumber: input.firNumber,
          arrests: input.arrests,
          seizedWhat: input.seizedWhat,
          seizedQty: input.seizedQty,
          details: input.details,
          photos: { create: photos.map((p) => ({ ...p, uploadedById: actor.id })) },
        },
        select: { id: true },
      });
      await tx.actionRequest.update({
        where: { id: r.id },
        data: { state: "REPORTED", reportedAt: at, acknowledgedAt: r.acknowledgedAt ?? at },
      });
      await recordStep(tx, {
        actor,
        tip: r.tip,
        requestId: r.id,
        step: "reported",
        from: r.state,
        to: "REPORTED",
        data: {
          report: report.id,
          kind: input.kind,
          firNumber: input.firNumber,
          arrests: input.arrests,
          photos: photos.length,
        },
      });
      return report;
    });
  } catch (e) {
    await dropPhotos(photos);
    throw e;
  }
}
