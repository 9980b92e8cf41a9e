// The one way an admin's setting is written: the `Setting` row upserted and its audit row, in the
// caller's transaction (SLA targets, request rules, the gazetteer). What goes into the audit's
// detail is the caller's: the value itself, before and after, or a summary of a large value.
import "server-only";
import type { Tx } from "./db";
import { audit } from "./audit";
import type { Prisma } from "./generated/prisma/client";
import type { Role } from "./generated/prisma/enums";

export async function saveSetting(
  tx: Tx,
  actor: { id: string; role: Role; ip?: string | null },
  s: { key: string; value: Prisma.InputJsonValue; action: string; detail: Prisma.InputJsonValue },
) {
  await tx.setting.upsert({
    where: { key: s.key },
    update: { value: s.value },
    create: { key: s.key, value: s.value },
  });
  await audit(tx, {
    actorId: actor.id,
    actorRole: actor.role,
    action: s.action,
    targetType: "setting",
    targetId: s.key,
    detail: s.detail,
    ip: actor.ip ?? null,
  });
}
