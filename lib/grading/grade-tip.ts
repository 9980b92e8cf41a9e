// An officer grades a tip on the 3x5x2 scale (ADR 0707). A value outside the scale changes nothing
// and says so; a closed tip can still be graded (what it turned out to be is part of the grade), a
// merged one lives on in its survivor.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { Viewer } from "../auth/scope";
import { lockScopedTip } from "../tips/find-scoped-tip";
import { recordChange } from "../tips/record-change";
import { formatGrade, parseGrade } from "./scale";

export async function gradeTip(actor: Viewer & { ip?: string | null }, ref: string, input: unknown) {
  const grade = parseGrade(input);
  if (!grade) throw new AppError("gradeOutOfScale", "grade outside the 3x5x2 scale");
  return db.$transaction(async (tx) => {
    const tip = await lockScopedTip(tx, actor, ref);
    if (tip.status === "MERGED") throw new AppError("conflict", "grade the tip it was merged into");
    const before = await tx.tip.findUniqueOrThrow({
      where: { id: tip.id },
      select: { sourceGrade: true, intelGrade: true, handlingCode: true },
    });
    const from =
      before.sourceGrade && before.intelGrade && before.handlingCode
        ? formatGrade({ source: before.sourceGrade, intel: before.intelGrade, handling: before.handlingCode })
        : null;
    const to = formatGrade(grade);
    if (from === to) return { changed: false, grade: to };
    await tx.tip.update({
      where: { id: tip.id },
      data: { sourceGrade: grade.source, intelGrade: grade.intel, handlingCode: grade.handling, gradedAt: new Date() },
    });
    await recordChange(tx, { actor, tip, type: "graded", from, to });
    return { changed: true, grade: to };
  });
}
