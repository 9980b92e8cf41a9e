// A supervisor marks the alias behind a tip as abusing the line to frame others, or lifts the mark
// (ADR 0709). By alias only: the audit row and the tip's history name the alias, never an identity.
// The mark makes every tip of that alias suggest "not reliable" and show a warning.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import type { Viewer } from "../auth/scope";
import { lockScopedTip } from "../tips/find-scoped-tip";
import { recordChange } from "../tips/record-change";

export const abusingInput = z.object({ abusing: z.boolean(), reason: z.string().trim().max(500).optional() });

export async function markAbusing(actor: Viewer & { ip?: string | null }, ref: string, input: unknown) {
  const parsed = abusingInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { abusing, reason } = parsed.data;
  if (abusing && !reason) throw new AppError("invalid", "a reason is required", { field: "reason" });
  return db.$transaction(async (tx) => {
    const tip = await lockScopedTip(tx, actor, ref);
    const informant = await tx.informant.findUniqueOrThrow({
      where: { id: tip.informantId },
      select: { alias: true, standing: { select: { abusingAt: true } } },
    });
    if (!!informant.standing?.abusingAt === abusing) return { changed: false };
    const mark = abusing
      ? { abusingAt: new Date(), abusingById: actor.id, abusingReason: reason }
      : { abusingAt: null, abusingById: null, abusingReason: null };
    await tx.informantStanding.upsert({
      where: { informantId: tip.informantId },
      create: { informantId: tip.informantId, ...mark },
      update: mark,
    });
    await recordChange(tx, {
      actor,
      tip,
      type: abusing ? "informant_marked_abusing" : "informant_unmarked_abusing",
      to: informant.alias,
      data: { alias: informant.alias, reason: reason ?? null },
    });
    return { changed: true };
  });
}
