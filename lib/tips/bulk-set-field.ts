// Bulk set priority or category on selected tips, one transaction; one TipEvent, audit row and
// live event per tip that actually changed.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { Category, Priority } from "../generated/prisma/enums";
import { changeTipField, type ChangeActor } from "./record-change";
import { bulkIds, parseInput } from "./bulk-ids";

const input = z.discriminatedUnion("field", [
  z.object({ field: z.literal("priority"), value: z.enum(Priority) }),
  z.object({ field: z.literal("category"), value: z.enum(Category) }),
]);
export type BulkFieldInput = z.input<typeof input>;

export async function bulkSetField(actor: ChangeActor, ids: unknown, change: BulkFieldInput) {
  const tipIds = parseInput(bulkIds, ids);
  const { field, value } = parseInput(input, change);
  return db.$transaction(async (tx) => {
    let updated = 0;
    for (const tipId of tipIds) if (await changeTipField(tx, { actor, tipId, field, to: value })) updated++;
    return { updated, skipped: tipIds.length - updated };
  });
}
