// Internal notes: officers' working remarks on a tip. Stored apart from messages so that nothing
// can ever route one to the informant.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { audit } from "../audit";
import { publish } from "../live/bus";
import type { Viewer } from "../auth/scope";
import { lockScopedTip } from "./find-scoped-tip";

export const noteInput = z.object({ body: z.string().trim().min(1).max(4000) });

export async function addNote(actor: Viewer & { ip?: string | null }, ref: string, input: z.input<typeof noteInput>) {
  const { body } = noteInput.parse(input);
  return db.$transaction(async (tx) => {
    const tip = await lockScopedTip(tx, actor, ref);
    const note = await tx.note.create({ data: { tipId: tip.id, authorId: actor.id, body }, select: { id: true } });
    await tx.tip.update({ where: { id: tip.id }, data: { lastActivityAt: new Date() } });
    // The note's text stays out of the audit row (it is tip content); the row points at it.
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "tip.note",
      targetType: "note",
      targetId: note.id,
      tipId: tip.id,
      detail: { ref: tip.ref, length: body.length },
      ip: actor.ip ?? null,
    });
    await publish(tx, { type: "tip.updated", tipId: tip.id, ref: tip.ref });
    return note;
  });
}
