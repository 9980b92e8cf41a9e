// Bulk assign (supervisors): selected tips to one officer, in one transaction. Tips the actor
// cannot see are not found; closed ones or ones the assignee could not see are skipped.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { ChangeActor } from "./record-change";
import { assignTipTx, loadAssignee } from "./assign-tip";
import { bulkIds, parseInput } from "./bulk-ids";

export async function bulkAssign(actor: ChangeActor, ids: unknown, assigneeId: string | null) {
  const tipIds = parseInput(bulkIds, ids);
  return db.$transaction(async (tx) => {
    const assignee = assigneeId ? await loadAssignee(tx, assigneeId) : null;
    let updated = 0;
    let skipped = 0;
    for (const id of tipIds) {
      try {
        if (await assignTipTx(tx, actor, id, assignee)) updated++;
        else skipped++;
      } catch (e) {
        if (!(e instanceof AppError) || e.code === "unavailable") throw e;
        skipped++;
      }
    }
    return { updated, skipped };
  });
}
