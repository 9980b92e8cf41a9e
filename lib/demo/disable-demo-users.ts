// A start outside demo mode disables every demo account still present (ADR 0013): their passwords are
// published. Demo accounts are the ones demo mode created (flag `demo`), and, from before that flag,
// any account named like a demo user that still accepts the published demo password.
import "server-only";
import { db } from "../db";
import { audit } from "../audit";
import { verifyPassword } from "../auth/password";
import { DEMO_USERS } from "./seed";

export async function disableDemoUsers(): Promise<string[]> {
  const flagged = await db.user.findMany({ where: { demo: true, active: true }, select: { id: true, username: true } });
  const named = await db.user.findMany({
    where: { demo: false, active: true, username: { in: DEMO_USERS.map((u) => u.username) } },
    select: { id: true, username: true, passwordHash: true },
  });
  const legacy = [];
  for (const u of named)
    if (await verifyPassword(u.passwordHash, DEMO_USERS.find((d) => d.username === u.username)!.password))
      legacy.push(u);
  const targets = [...flagged, ...legacy];
  for (const u of targets)
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: u.id },
        data: { active: false, sessionVersion: { increment: 1 } },
        select: { id: true },
      });
      await audit(tx, {
        action: "user.demo.disabled",
        targetType: "user",
        targetId: u.id,
        detail: { username: u.username },
      });
    });
  return targets.map((u) => u.username);
}
