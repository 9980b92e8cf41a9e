// Canned replies: short bilingual texts officers can start a reply from (admins edit them).
// Deactivated, never deleted: audit rows of past replies point at them by id.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { audit } from "../audit";
import { AppError } from "../errors";
import type { Viewer } from "../auth/scope";

export const cannedInput = z.object({
  id: z.uuid().optional(),
  title: z.string().trim().min(1).max(80),
  bodyEn: z.string().trim().min(1).max(1024),
  bodyHi: z.string().trim().min(1).max(1024),
  active: z.boolean().default(true),
});

export function listCannedReplies(opts: { activeOnly?: boolean } = {}) {
  return db.cannedReply.findMany({
    where: opts.activeOnly ? { active: true } : {},
    orderBy: [{ active: "desc" }, { title: "asc" }],
    select: { id: true, title: true, bodyEn: true, bodyHi: true, active: true },
  });
}

export async function saveCannedReply(actor: Viewer & { ip?: string | null }, input: unknown) {
  const parsed = cannedInput.safeParse(input);
  if (!parsed.success)
    throw new AppError("invalid", "canned reply", { field: String(parsed.error.issues[0]?.path[0] ?? "") });
  const { id, ...data } = parsed.data;
  return db.$transaction(async (tx) => {
    if (id && !(await tx.cannedReply.findUnique({ where: { id }, select: { id: true } })))
      throw new AppError("notFound");
    const row = id
      ? await tx.cannedReply.update({ where: { id }, data, select: { id: true } })
      : await tx.cannedReply.create({ data, select: { id: true } });
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: id ? "canned.update" : "canned.create",
      targetType: "cannedReply",
      targetId: row.id,
      detail: data,
      ip: actor.ip ?? null,
    });
    return row;
  });
}
