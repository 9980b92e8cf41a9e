"use server";
// Grading server actions (ADR 0707, 0709): the permission on the server, the tip's scope before the
// input (a tip outside the actor's reach is "not found" whatever was sent), then one mutation that
// records the TipEvent, the audit row and the live event in its transaction.
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { AppError, runAction } from "../errors";
import { db } from "../db";
import { findScopedTip } from "../tips/find-scoped-tip";
import { gradeTip } from "./grade-tip";
import { markAbusing } from "./mark-abusing";

const refSchema = z.string().regex(/^EM-\d{4}-\d{6}$/);

async function scopedRef(actor: Awaited<ReturnType<typeof requireActor>>, ref: unknown) {
  const r = refSchema.safeParse(ref);
  if (!r.success) throw new AppError("notFound");
  await findScopedTip(db, actor, r.data);
  return r.data;
}

export async function gradeTipAction(ref: string, input: unknown) {
  return runAction(async () => {
    const actor = await requireActor("tip:grade");
    const r = await scopedRef(actor, ref);
    const result = await gradeTip(actor, r, input);
    revalidatePath(`/tips/${r}`);
    return result;
  });
}

export async function markAbusingAction(ref: string, input: unknown) {
  return runAction(async () => {
    const actor = await requireActor("informant:flag");
    const r = await scopedRef(actor, ref);
    const result = await markAbusing(actor, r, input);
    revalidatePath(`/tips/${r}`);
    return result;
  });
}
