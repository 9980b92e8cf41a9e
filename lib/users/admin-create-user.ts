import "server-only";
import { db } from "../db";
import { audit } from "../audit";
import type { Actor } from "../auth/guard";
import { createUser, type UserInput } from "./create-user";

export async function adminCreateUser(actor: Actor, input: UserInput) {
  return db.$transaction(async (tx) => {
    const user = await createUser(tx, input);
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      detail: { username: user.username, role: user.role },
      ip: actor.ip,
    });
    return user;
  });
}
