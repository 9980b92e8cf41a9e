// Merging a duplicate into a surviving tip: the duplicate's messages (and their media) and notes
// move to the survivor, its entities are added there, and the duplicate becomes MERGED, pointing
// at the survivor. Both tips get an event; both must be within the officer's scope.
import "server-only";
import { copySearchTerms } from "../search/index-tip";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import type { Viewer } from "../auth/scope";
import { lockScopedTip } from "./find-scoped-tip";
import { recordChange } from "./record-change";

export const mergeInput = z.object({
  into: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^EM-\d{4}-\d{6}$/),
});

export async function mergeTip(actor: Viewer & { ip?: string | null }, ref: string, input: unknown) {
  const parsed = mergeInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "survivor ref");
  const { into } = parsed.data;
  if (into === ref) throw new AppError("invalid", "a tip cannot be merged into itself");
  return db.$transaction(async (tx) => {
    // Lock in ref order so that merging A→B and B→A at once cannot deadlock.
    const [first, second] = [ref, into].sort();
    const locked = { [first]: await lockScopedTip(tx, actor, first), [second]: await lockScopedTip(tx, actor, second) };
    const source = locked[ref];
    const target = locked[into];
    if (source.status === "MERGED" || target.status === "MERGED") throw new AppError("conflict", "already merged");

    const now = new Date();
    const moved = await tx.message.updateMany({ where: { tipId: source.id }, data: { tipId: target.id } });
    await tx.note.updateMany({ where: { tipId: source.id }, data: { tipId: target.id } });
    const entities = await tx.tipEntity.findMany({ where: { tipId: source.id }, select: { kind: true, value: true } });
    if (entities.length)
      await tx.tipEntity.createMany({ data: entities.map((e) => ({ ...e, tipId: target.id })), skipDuplicates: true });
    await copySearchTerms(tx, source.id, target.id);

    const s = await tx.tip.findUniqueOrThrow({
      where: { id: source.id },
      select: { messageCount: true, mediaCount: true, searchText: true, lastActivityAt: true, lastInboundAt: true },
    });
    const t = await tx.tip.findUniqueOrThrow({
      where: { id: target.id },
      select: { searchText: true, lastActivityAt: true, lastInboundAt: true },
    });
    await tx.tip.update({
      where: { id: target.id },
      data: {
        messageCount: { increment: s.messageCount },
        mediaCount: { increment: s.mediaCount },
        searchText: [t.searchText, s.searchText].filter(Boolean).join("\n"),
        lastActivityAt: now,
        lastInboundAt: s.lastInboundAt > t.lastInboundAt ? s.lastInboundAt : t.lastInboundAt,
      },
    });
    await tx.tip.update({
      where: { id: source.id },
      data: {
        status: "MERGED",
        mergedIntoId: target.id,
        outcome: "DUPLICATE",
        closedAt: now,
        messageCount: 0,
        mediaCount: 0,
        lastActivityAt: now,
      },
    });
    await recordChange(tx, {
      actor,
      tip: source,
      type: "merged_into",
      from: source.status,
      to: target.ref,
      data: { messages: moved.count },
    });
    await recordChange(tx, {
      actor,
      tip: target,
      type: "merged_from",
      to: source.ref,
      data: { messages: moved.count },
    });
    return { survivor: target.ref, moved: moved.count };
  });
}
