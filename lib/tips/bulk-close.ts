// Bulk close as spam or duplicate: the outcome and a short summary are recorded on each tip, as a
// single close would. Tips already closed are skipped; a tip outside the actor's scope is not found.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { recordChange, type ChangeActor } from "./record-change";
import { tipScope } from "../auth/scope";
import { bulkIds, parseInput } from "./bulk-ids";

export const bulkCloseInput = z.object({
  outcome: z.enum(["SPAM_ABUSE", "DUPLICATE"]),
  summary: z.string().trim().min(3).max(2000),
});

export async function bulkClose(actor: ChangeActor, ids: unknown, input: z.input<typeof bulkCloseInput>) {
  const tipIds = parseInput(bulkIds, ids);
  const { outcome, summary } = parseInput(bulkCloseInput, input);
  return db.$transaction(async (tx) => {
    const tips = await tx.tip.findMany({
      where: { AND: [{ id: { in: tipIds } }, tipScope(actor)] },
      select: { id: true, ref: true, status: true },
    });
    if (tips.length !== tipIds.length) throw new AppError("notFound");
    let updated = 0;
    const now = new Date();
    for (const tip of tips) {
      if (tip.status === "CLOSED" || tip.status === "MERGED") continue;
      await tx.tip.update({
        where: { id: tip.id },
        data: { status: "CLOSED", closedAt: now, outcome, closingSummary: summary },
      });
      await recordChange(tx, {
        actor,
        tip,
        type: "closed",
        from: tip.status,
        to: "CLOSED",
        data: { outcome, summary, bulk: true },
      });
      updated++;
    }
    return { updated, skipped: tipIds.length - updated };
  });
}
