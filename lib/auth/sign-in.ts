// Checks a sign-in: password, then the second factor when the user has one, under the throttle
// (lib/auth/throttle.ts). Failures are coded errors the sign-in page translates; a failure for an
// unknown username writes nothing of what was typed (it may be a password typed in the wrong box).
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { auditNow } from "../audit";
import { dummyHash, verifyPassword } from "./password";
import { clearPair, lockedSeconds, recordFailure, slowDownMs } from "./throttle";
import { metrics } from "../metrics/registry";
import { verifySecondFactor } from "./two-factor/verify-second-factor";

const input = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
  code: z
    .string()
    .trim()
    .max(32)
    .optional()
    .transform((c) => c || undefined),
});

/** Error codes the sign-in page shows: wrong password, code needed, wrong code, locked for N minutes. */
export type SignInFailure = "wrong" | "codeRequired" | "codeWrong" | `locked:${number}`;
export class SignInError extends Error {
  constructor(readonly code: SignInFailure) {
    super(code);
  }
}

export type SignedInUser = {
  id: string;
  name: string;
  role: "OFFICER" | "SUPERVISOR" | "ADMIN";
  stationId: string | null;
  locale: "en" | "hi";
  username: string;
  sessionVersion: number;
};

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

export async function authenticate(raw: unknown, ip: string): Promise<SignedInUser> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new SignInError("wrong");
  const { username, password, code } = parsed.data;

  const locked = await lockedSeconds(username, ip);
  if (locked) {
    metrics().signInFailures.inc({ reason: "locked" });
    throw new SignInError(`locked:${minutes(locked)}`);
  }
  const delay = await slowDownMs(username, ip);
  if (delay) await new Promise((r) => setTimeout(r, delay));

  const user = await db.user.findUnique({ where: { username }, omit: { passwordHash: false, totpSecret: false } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);

  const fail = async (reason: "password" | "code", userId: string | null) => {
    const lock = await recordFailure(username, ip);
    metrics().signInFailures.inc({ reason });
    if (lock) metrics().signInLockouts.inc();
    // Known accounts are named by id; for an unknown username nothing typed is kept.
    await auditNow({
      action: "auth.signin.failed",
      targetType: userId ? "user" : null,
      targetId: userId,
      detail: { reason: userId ? reason : "unknownUser" },
      ip,
    });
    throw new SignInError(lock ? `locked:${minutes(lock)}` : reason === "code" ? "codeWrong" : "wrong");
  };

  if (!user || !passwordOk || !user.active) return fail("password", user?.id ?? null);
  let factor: "password" | "totp" | "recovery" = "password";
  if (user.totpSecret) {
    // The right password alone is not a failure: the page asks for the code and sends both again.
    if (!code) throw new SignInError("codeRequired");
    const second = await verifySecondFactor(user.id, user.totpSecret, code);
    if (!second) return fail("code", user.id);
    factor = second;
  }
  await clearPair(username, ip);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() }, select: { id: true } });
  await auditNow({
    actorId: user.id,
    actorRole: user.role,
    action: "auth.signin",
    targetType: "user",
    targetId: user.id,
    detail: { factor },
    ip,
  });
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    stationId: user.stationId,
    locale: user.locale,
    username: user.username,
    sessionVersion: user.sessionVersion,
  };
}
