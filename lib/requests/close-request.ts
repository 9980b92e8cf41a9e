// The desk closes a request once the station reported (the tip itself stays as it is: closing the
// tip is the tip's own step).
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { Viewer } from "../auth/scope";
import { deskRequestScope, lockRequestInScope } from "./scope";
import { recordStep } from "./record-step";

export async function closeRequest(actor: Viewer & { ip?: string | null }, id: string, now = Date.now()) {
  return db.$transaction(async (tx) => {
    await lockRequestInScope(tx, id, deskRequestScope(actor));
    const r = await tx.actionRequest.findUniqueOrThrow({
      where: { id },
      select: { id: true, state: true, tip: { select: { id: true, ref: true } } },
    });
    if (r.state !== "REPORTED") throw new AppError("conflict");
    await tx.actionRequest.update({ where: { id }, data: { state: "CLOSED", closedAt: new Date(now) } });
    await recordStep(tx, { actor, tip: r.tip, requestId: id, step: "closed", from: r.state, to: "CLOSED" });
  });
}
