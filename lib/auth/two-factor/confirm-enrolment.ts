// Step two of enrolment: a code from the pending secret makes it the user's second factor, issues
// ten recovery codes (returned once, stored hashed) and ends every other session of the user: one
// that signed in with the password alone must not carry on as if it had the second factor.
import "server-only";
import { db } from "../../db";
import { audit } from "../../audit";
import { AppError } from "../../errors";
import type { Actor } from "../guard";
import { bumpSessionVersion } from "../session-version";
import { open } from "./secret-box";
import { totpStep } from "./totp";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";

export async function confirmEnrolment(actor: Actor, code: string) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: actor.id },
      select: { totpPendingSecret: true, totpEnabledAt: true },
    });
    if (!user?.totpPendingSecret || user.totpEnabledAt) throw new AppError("conflict", "no enrolment in progress");
    const step = totpStep(open(user.totpPendingSecret), code);
    if (step === null) throw new AppError("invalid", "wrong code");
    const codes = newRecoveryCodes();
    await tx.user.update({
      where: { id: actor.id },
      data: {
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: new Date(),
        totpLastStep: step,
      },
      select: { id: true },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({
      data: codes.map((c) => ({ userId: actor.id, codeHash: hashRecoveryCode(actor.id, c) })),
    });
    const sessionVersion = await bumpSessionVersion(tx, actor.id);
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "user.totp.enrol",
      targetType: "user",
      targetId: actor.id,
      ip: actor.ip,
    });
    return { codes, sessionVersion };
  });
}
