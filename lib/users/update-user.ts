// Admin changes to a user: role, station, district-wide flag, active flag, password reset, second
// factor reset. Each is audited in the same transaction and never returns a secret. Every change
// that alters what the user may do (or proves who they are) bumps their session version, so their
// open sessions end at the next request on every device (ADR 0011).
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { audit } from "../audit";
import { AppError } from "../errors";
import { hashPassword } from "../auth/password";
import { PASSWORD_MAX_LENGTH } from "../auth/password-policy";
import { subjectOf } from "../auth/throttle";
import type { Actor } from "../auth/guard";
import { assertUserRules } from "./create-user";

export const userChange = z.discriminatedUnion("field", [
  z.object({ field: z.literal("role"), userId: z.uuid(), value: z.enum(["OFFICER", "SUPERVISOR", "ADMIN"]) }),
  z.object({ field: z.literal("station"), userId: z.uuid(), value: z.uuid().nullable() }),
  z.object({ field: z.literal("districtWide"), userId: z.uuid(), value: z.boolean() }),
  z.object({ field: z.literal("active"), userId: z.uuid(), value: z.boolean() }),
  z.object({ field: z.literal("password"), userId: z.uuid(), value: z.string().max(PASSWORD_MAX_LENGTH) }),
  z.object({ field: z.literal("secondFactor"), userId: z.uuid(), value: z.literal("reset") }),
]);
export type UserChange = z.infer<typeof userChange>;

const ACTION: Record<UserChange["field"], string> = {
  role: "user.role",
  station: "user.station",
  districtWide: "user.districtWide",
  active: "user.active",
  password: "user.password.reset",
  secondFactor: "user.totp.reset",
};

export async function updateUser(actor: Actor, input: UserChange) {
  const change = userChange.parse(input);
  if (change.userId === actor.id && (change.field === "role" || change.field === "active"))
    throw new AppError("invalid", "admins cannot demote or disable themselves");
  if (change.field === "password") assertUserRules({ password: change.value, role: "ADMIN" });
  const passwordHash = change.field === "password" ? await hashPassword(change.value) : undefined;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: change.userId },
      select: { role: true, stationId: true, active: true, username: true, districtWide: true },
    });
    if (!before) throw new AppError("notFound");
    const after = {
      role: change.field === "role" ? change.value : before.role,
      stationId: change.field === "station" ? change.value : before.stationId,
      districtWide: change.field === "districtWide" ? change.value : before.districtWide,
    };
    // An officer is scoped to a station unless an admin made the account district-wide.
    if (change.field === "role" || change.field === "station" || change.field === "districtWide")
      assertUserRules(after);
    const data =
      change.field === "role"
        ? { role: change.value }
        : change.field === "station"
          ? { stationId: change.value }
          : change.field === "districtWide"
            ? { districtWide: change.value }
            : change.field === "active"
              ? { active: change.value }
              : change.field === "password"
                ? { passwordHash }
                : { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null };
    // Enabling an account is the one change that takes nothing away: its old sessions stay ended anyway.
    const endSessions = !(change.field === "active" && change.value);
    await tx.user.update({
      where: { id: change.userId },
      data: { ...data, ...(endSessions ? { sessionVersion: { increment: 1 } } : {}) },
      select: { id: true },
    });
    if (change.field === "password")
      await tx.loginThrottle.deleteMany({ where: { subject: subjectOf(before.username) } });
    if (change.field === "secondFactor") await tx.recoveryCode.deleteMany({ where: { userId: change.userId } });
    const from =
      change.field === "station"
        ? before.stationId
        : change.field === "role" || change.field === "active" || change.field === "districtWide"
          ? before[change.field]
          : null;
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: ACTION[change.field],
      targetType: "user",
      targetId: change.userId,
      detail:
        change.field === "password" || change.field === "secondFactor"
          ? {}
          : { from: String(from ?? ""), to: String(change.value ?? "") },
      ip: actor.ip,
    });
  });
}
