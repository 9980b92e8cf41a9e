// The second step of sign-in: a TOTP code (never the same 30-second step twice) or an unused
// recovery code (spent by the same statement that finds it). Both checks are single UPDATEs, so two
// concurrent sign-ins with one code cannot both pass.
import "server-only";
import { db } from "../../db";
import { open } from "./secret-box";
import { totpStep } from "./totp";
import { hashRecoveryCode, normaliseRecoveryCode } from "./recovery-codes";

export type SecondFactor = "totp" | "recovery";

export async function verifySecondFactor(
  userId: string,
  sealedSecret: string,
  code: string,
): Promise<SecondFactor | null> {
  const step = totpStep(open(sealedSecret), code);
  if (step !== null) {
    const n = await db.$executeRaw`
      UPDATE "User" SET "totpLastStep" = ${step} WHERE "id" = ${userId}::uuid AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
    return n === 1 ? "totp" : null;
  }
  if (!normaliseRecoveryCode(code)) return null;
  const n = await db.$executeRaw`
    UPDATE "RecoveryCode" SET "usedAt" = now() WHERE "userId" = ${userId}::uuid AND "codeHash" = ${hashRecoveryCode(userId, code)} AND "usedAt" IS NULL`;
  return n === 1 ? "recovery" : null;
}
