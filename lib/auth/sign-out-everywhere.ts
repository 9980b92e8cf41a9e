// "Sign out everywhere": the user ends every session of their own account, on every device,
// this one included (ADR 0011).
import "server-only";
import { db } from "../db";
import { audit } from "../audit";
import type { Actor } from "./guard";
import { bumpSessionVersion } from "./session-version";

export async function signOutEverywhere(actor: Actor) {
  await db.$transaction(async (tx) => {
    await bumpSessionVersion(tx, actor.id);
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "auth.signout.everywhere",
      targetType: "user",
      targetId: actor.id,
      ip: actor.ip,
    });
  });
}
