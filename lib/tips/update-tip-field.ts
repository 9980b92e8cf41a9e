// Status, priority, category and police station from the tip workspace. Closing and merging have
// their own verbs (an outcome, a survivor); this only moves a tip between the open states.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { Category, Priority } from "../generated/prisma/enums";
import type { Viewer } from "./scope";
import { lockScopedTip } from "./find-scoped-tip";
import { recordTipEvent } from "./record-tip-event";

const enumOf = <T extends string>(o: Record<string, T>) => z.enum(Object.values(o) as [T, ...T[]]);

export const fieldInput = z.discriminatedUnion("field", [
  z.object({ field: z.literal("status"), value: z.enum(["NEW", "IN_PROGRESS", "WAITING_INFORMANT"]) }),
  z.object({ field: z.literal("priority"), value: enumOf(Priority) }),
  z.object({ field: z.literal("category"), value: enumOf(Category) }),
  z.object({ field: z.literal("station"), value: z.uuid().nullable() }),
]);

export async function updateTipField(actor: Viewer & { ip?: string | null }, ref: string, input: unknown) {
  const parsed = fieldInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const change = parsed.data;
  return db.$transaction(async (tx) => {
    const tip = await lockScopedTip(tx, actor, ref);
    if (tip.status === "CLOSED" || tip.status === "MERGED") throw new AppError("conflict", "reopen the tip first");
    const current = await tx.tip.findUniqueOrThrow({ where: { id: tip.id }, select: { status: true, priority: true, category: true, stationId: true, station: { select: { name: true } } } });
    let from: string | null;
    let to: string | null;
    switch (change.field) {
      case "status":
        [from, to] = [current.status, change.value];
        if (from !== to) await tx.tip.update({ where: { id: tip.id }, data: { status: change.value } });
        break;
      case "priority":
        [from, to] = [current.priority, change.value];
        if (from !== to) await tx.tip.update({ where: { id: tip.id }, data: { priority: change.value } });
        break;
      case "category":
        [from, to] = [current.category, change.value];
        if (from !== to) await tx.tip.update({ where: { id: tip.id }, data: { category: change.value } });
        break;
      case "station": {
        const station = change.value ? await tx.policeStation.findFirst({ where: { id: change.value, active: true }, select: { name: true } }) : null;
        if (change.value && !station) throw new AppError("invalid", "unknown station");
        [from, to] = [current.station?.name ?? null, station?.name ?? null];
        if (current.stationId !== change.value) await tx.tip.update({ where: { id: tip.id }, data: { stationId: change.value } });
        break;
      }
    }
    if (from === to) return { changed: false };
    await recordTipEvent(tx, actor, tip, { type: `${change.field}_changed`, from, to });
    return { changed: true };
  });
}
