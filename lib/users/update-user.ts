// Admin changes to a user: role, station, active flag, password reset. Each is audited in the
// same transaction, and never returns the password hash.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { audit } from "../audit";
import { AppError } from "../errors";
import { hashPassword } from "../auth/password";
import type { Actor } from "../auth/guard";

export const userChange = z.discriminatedUnion("field", [
  z.object({ field: z.literal("role"), userId: z.uuid(), value: z.enum(["OFFICER", "SUPERVISOR", "ADMIN"]) }),
  z.object({ field: z.literal("station"), userId: z.uuid(), value: z.uuid().nullable() }),
  z.object({ field: z.literal("active"), userId: z.uuid(), value: z.boolean() }),
  z.object({ field: z.literal("password"), userId: z.uuid(), value: z.string().min(10).max(256) }),
]);
export type UserChange = z.infer<typeof userChange>;

export async function updateUser(actor: Actor, input: UserChange) {
  const change = userChange.parse(input);
  if (change.userId === actor.id && (change.field === "role" || change.field === "active"))
    throw new AppError("invalid", "admins cannot demote or disable themselves");
  const data =
    change.field === "role" ? { role: change.value }
    : change.field === "station" ? { stationId: change.value }
    : change.field === "active" ? { active: change.value }
    : { passwordHash: await hashPassword(change.value) };
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: change.userId }, select: { role: true, stationId: true, active: true, username: true } });
    if (!before) throw new AppError("notFound");
    await tx.user.update({ where: { id: change.userId }, data, select: { id: true } });
    if (change.field === "password") await tx.loginAttempt.deleteMany({ where: { username: before.username } });
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: `user.${change.field === "password" ? "password.reset" : change.field}`,
      targetType: "user",
      targetId: change.userId,
      detail: change.field === "password" ? {} : { from: String(before[change.field === "station" ? "stationId" : change.field] ?? ""), to: String(change.value ?? "") },
      ip: actor.ip,
    });
  });
}
