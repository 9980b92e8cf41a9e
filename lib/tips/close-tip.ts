// Closing records what the police did: an outcome from the fixed list and a summary. Both are
// required here, on the server, whatever the form allowed.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { Outcome } from "../generated/prisma/enums";
import type { Viewer } from "../auth/scope";
import { lockScopedTip } from "./find-scoped-tip";
import { recordChange } from "./record-change";

export const closeInput = z.object({
  outcome: z.enum(Object.values(Outcome) as [Outcome, ...Outcome[]]),
  summary: z.string().trim().min(5).max(4000),
});

export async function closeTip(actor: Viewer & { ip?: string | null }, ref: string, input: unknown) {
  const parsed = closeInput.safeParse(input);
  if (!parsed.success)
    throw new AppError("invalid", "outcome and summary are required", {
      field: String(parsed.error.issues[0]?.path[0] ?? ""),
    });
  const { outcome, summary } = parsed.data;
  return db.$transaction(async (tx) => {
    const tip = await lockScopedTip(tx, actor, ref);
    if (tip.status === "CLOSED" || tip.status === "MERGED") throw new AppError("conflict", "already closed");
    await tx.tip.update({
      where: { id: tip.id },
      data: { status: "CLOSED", outcome, closingSummary: summary, closedAt: new Date() },
    });
    await recordChange(tx, { actor, tip, type: "closed", from: tip.status, to: outcome, data: { summary } });
  });
}
