"use server";
// Queue server actions: each checks the role on the server, then calls one lib/tips mutation.
import { z } from "zod";
import { requireActor } from "../auth/guard";
import { AppError, runAction } from "../errors";
import { claimTip } from "../tips/claim-tip";
import { handOverShift } from "../tips/hand-over-shift";
import { bulkAssign } from "../tips/bulk-assign";
import { bulkClose } from "../tips/bulk-close";
import { bulkSetField, type BulkFieldInput } from "../tips/bulk-set-field";

const id = z.uuid();
const parse = <T>(schema: z.ZodType<T>, v: unknown): T => {
  const r = schema.safeParse(v);
  if (!r.success) throw new AppError("invalid");
  return r.data;
};

/** Claim a chosen tip, or (without an id) the oldest unassigned one. */
export async function claimTipAction(tipId?: string) {
  return runAction(async () => {
    const actor = await requireActor("tip:claim");
    return claimTip(actor, tipId === undefined ? undefined : parse(id, tipId));
  });
}

export async function handOverShiftAction(fromUserId: string, toUserId: string) {
  return runAction(async () => {
    const actor = await requireActor("shift:handover");
    return handOverShift(actor, parse(id, fromUserId), parse(id, toUserId));
  });
}

export async function bulkAssignAction(ids: string[], assigneeId: string | null) {
  return runAction(async () => {
    // Giving tips to someone else is a supervisor's call, in bulk as singly.
    const actor = await requireActor("tip:assign");
    await requireActor("tip:bulk");
    return bulkAssign(actor, ids, assigneeId === null ? null : parse(id, assigneeId));
  });
}

export async function bulkSetFieldAction(ids: string[], change: BulkFieldInput) {
  return runAction(async () => {
    const actor = await requireActor("tip:bulk");
    return bulkSetField(actor, ids, change);
  });
}

export async function bulkCloseAction(ids: string[], input: { outcome: "SPAM_ABUSE" | "DUPLICATE"; summary: string }) {
  return runAction(async () => {
    const actor = await requireActor("tip:bulk");
    await requireActor("tip:close");
    return bulkClose(actor, ids, input);
  });
}
