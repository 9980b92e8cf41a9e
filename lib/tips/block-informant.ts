// Blocking an abusive informant from one of their tips, by alias only. Their later messages are
// still stored (evidence) but flagged and raise no alert — the ingest pipeline reads `blocked`.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import type { Viewer } from "../auth/scope";
import { lockScopedTip } from "./find-scoped-tip";
import { recordChange } from "./record-change";

export const blockInput = z.object({ blocked: z.boolean(), reason: z.string().trim().max(500).optional() });

export async function setInformantBlocked(actor: Viewer & { ip?: string | null }, ref: string, input: unknown) {
  const parsed = blockInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { blocked, reason } = parsed.data;
  if (blocked && !reason) throw new AppError("invalid", "a reason is required", { field: "reason" });
  return db.$transaction(async (tx) => {
    const tip = await lockScopedTip(tx, actor, ref);
    const informant = await tx.informant.findUniqueOrThrow({
      where: { id: tip.informantId },
      select: { alias: true, blocked: true },
    });
    if (informant.blocked === blocked) return { changed: false };
    await tx.informant.update({
      where: { id: tip.informantId },
      data: blocked
        ? { blocked: true, blockedAt: new Date(), blockedReason: reason }
        : { blocked: false, blockedAt: null, blockedReason: null },
    });
    await recordChange(tx, {
      actor,
      tip,
      type: blocked ? "informant_blocked" : "informant_unblocked",
      to: informant.alias,
      data: { alias: informant.alias, reason: reason ?? null },
    });
    return { changed: true };
  });
}
