// Status, priority, category and police station from the tip workspace, through the queue's
// shared changeTipField (TipEvent + audit + live). Closing and merging have their own verbs (an
// outcome, a survivor); status here only moves a tip between the open states. Routing a tip that
// has no station yet is desk work; moving one away from its station is a supervisor's or admin's
// ("tip:move"), so a station-bound officer cannot send a tip out of their own scope.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { Category, Priority } from "../generated/prisma/enums";
import type { Viewer } from "../auth/scope";
import { lockScopedTip } from "./find-scoped-tip";
import { changeTipField } from "./record-change";
import { can } from "../auth/permissions";

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
    if (change.field === "station") {
      if (tip.stationId && tip.stationId !== change.value && !can(actor.role, "tip:move"))
        throw new AppError("forbidden", "moving a tip to another station is for supervisors");
      const station = change.value
        ? await tx.policeStation.findFirst({ where: { id: change.value, active: true }, select: { name: true } })
        : null;
      if (change.value && !station) throw new AppError("invalid", "unknown station");
      const changed = await changeTipField(tx, {
        actor,
        tipId: tip.id,
        field: "stationId",
        to: change.value,
        data: { station: station?.name ?? null },
      });
      return { changed };
    }
    const changed = await changeTipField(tx, { actor, tipId: tip.id, field: change.field, to: change.value });
    return { changed };
  });
}
