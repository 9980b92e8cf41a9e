"use server";
import { z } from "zod";
import { requireActor } from "@/lib/auth/guard";
import { runAction, AppError } from "@/lib/errors";
import { startEnrolment } from "@/lib/auth/two-factor/start-enrolment";
import { confirmEnrolment } from "@/lib/auth/two-factor/confirm-enrolment";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { dropSessionCookie, reissueSession } from "@/lib/auth/reissue-session";

export async function startEnrolmentAction() {
  return runAction(async () => startEnrolment(await requireActor("account:self", { enrolment: true })));
}

export async function confirmEnrolmentAction(code: unknown) {
  return runAction(async () => {
    const actor = await requireActor("account:self", { enrolment: true });
    const parsed = z.string().trim().max(16).safeParse(code);
    if (!parsed.success) throw new AppError("invalid");
    const { codes, sessionVersion } = await confirmEnrolment(actor, parsed.data);
    // Every other session of this user ended with the bump; this one carries on.
    await reissueSession(sessionVersion);
    return { codes };
  });
}

export async function signOutEverywhereAction() {
  return runAction(async () => {
    await signOutEverywhere(await requireActor("account:self", { enrolment: true }));
    await dropSessionCookie();
  });
}
