"use server";
// Tip workspace server actions: each checks the permission on the server, then one lib/tips
// mutation does the scope check (a tip outside the officer's station is "not found"), the change,
// its TipEvent, its audit row and the live event, in one transaction.
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { AppError, runAction } from "../errors";
import type { Permission } from "../auth/permissions";
import { db } from "../db";
import { kick } from "../jobs/worker";
import { findScopedTip } from "./find-scoped-tip";
import { claimTip } from "./claim-tip";
import { assignTip } from "./assign-tip";
import { updateTipField } from "./update-tip-field";
import { addNote } from "./add-note";
import { sendReply } from "./send-reply";
import { closeTip } from "./close-tip";
import { reopenTip } from "./reopen-tip";
import { mergeTip } from "./merge-tip";
import { linkTips, unlinkTips } from "./link-tips";
import { setInformantBlocked } from "./block-informant";

const refSchema = z.string().regex(/^EM-\d{4}-\d{6}$/);

/** Runs `fn` for a signed-in actor holding `permission`, then re-renders the tip page. */
function act<T>(
  permission: Permission,
  ref: unknown,
  fn: (actor: Awaited<ReturnType<typeof requireActor>>, ref: string) => Promise<T>,
) {
  return runAction(async () => {
    const actor = await requireActor(permission);
    const r = refSchema.safeParse(ref);
    if (!r.success) throw new AppError("notFound");
    // Scope before input: a tip outside the actor's reach answers "notFound" whatever was sent, so
    // no answer tells its existence apart from a ref nobody holds. The mutation re-checks under its lock.
    await findScopedTip(db, actor, r.data);
    const result = await fn(actor, r.data);
    revalidatePath(`/tips/${r.data}`);
    return result;
  });
}

export async function claimAction(ref: string) {
  return act("tip:claim", ref, async (actor, r) => claimTip(actor, (await findScopedTip(db, actor, r)).id));
}

export async function assignAction(ref: string, assigneeId: string | null) {
  return act("tip:assign", ref, async (actor, r) => {
    const to = assigneeId === null ? null : z.uuid().safeParse(assigneeId);
    if (to && !to.success) throw new AppError("invalid");
    return assignTip(actor, (await findScopedTip(db, actor, r)).id, to ? to.data : null);
  });
}

export async function updateFieldAction(ref: string, change: unknown) {
  return act("tip:update", ref, (actor, r) => updateTipField(actor, r, change));
}

export async function addNoteAction(ref: string, body: string) {
  return act("tip:note", ref, (actor, r) => addNote(actor, r, { body }));
}

export async function replyAction(ref: string, input: unknown) {
  const result = await act("tip:reply", ref, (actor, r) => sendReply(actor, r, input));
  // Committed: let the worker send it now rather than at its next poll.
  if (result.ok) kick();
  return result;
}

export async function closeAction(ref: string, input: unknown) {
  return act("tip:close", ref, (actor, r) => closeTip(actor, r, input));
}

export async function reopenAction(ref: string) {
  return act("tip:close", ref, (actor, r) => reopenTip(actor, r));
}

export async function mergeAction(ref: string, input: unknown) {
  const result = await act("tip:merge", ref, (actor, r) => mergeTip(actor, r, input));
  if (result.ok && result.data) revalidatePath(`/tips/${result.data.survivor}`);
  return result;
}

export async function linkAction(ref: string, input: unknown) {
  return act("tip:link", ref, (actor, r) => linkTips(actor, r, input));
}

export async function unlinkAction(ref: string, input: unknown) {
  return act("tip:link", ref, (actor, r) => unlinkTips(actor, r, input));
}

export async function blockInformantAction(ref: string, input: unknown) {
  return act("informant:block", ref, (actor, r) => setInformantBlocked(actor, r, input));
}
