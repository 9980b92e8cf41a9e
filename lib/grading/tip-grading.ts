// What the tip page shows about a tip's grade: the officer's grade, the suggested source evaluation
// and whether the alias is marked as abusing the line. The standing's numbers go only to viewers who
// can already see every tip of the alias (district-wide); a station-bound officer gets the grade and
// the suggestion, nothing more about the alias than before (ADR 0708).
import "server-only";
import { db } from "../db";
import { tipReach, type Viewer } from "../auth/scope";
import { suggestSource, NO_STANDING, type Standing, type Suggestion } from "./suggest-source";
import type { Grade } from "./scale";

export type TipGrading = {
  grade: Grade | null;
  gradedAt: string | null;
  suggested: Suggestion;
  abusing: boolean;
  /** Present only for a district-wide viewer. */
  record: Omit<Standing, "abusing"> | null;
};

export async function tipGrading(viewer: Viewer, tipId: string): Promise<TipGrading> {
  const tip = await db.tip.findUniqueOrThrow({
    where: { id: tipId },
    select: {
      sourceGrade: true,
      intelGrade: true,
      handlingCode: true,
      gradedAt: true,
      informant: {
        select: { standing: { select: { actioned: true, falseInfo: true, abuse: true, abusingAt: true } } },
      },
    },
  });
  const row = tip.informant.standing;
  const standing: Standing = row ? { ...row, abusing: !!row.abusingAt } : NO_STANDING;
  return {
    grade:
      tip.sourceGrade && tip.intelGrade && tip.handlingCode
        ? { source: tip.sourceGrade, intel: tip.intelGrade, handling: tip.handlingCode }
        : null,
    gradedAt: tip.gradedAt?.toISOString() ?? null,
    suggested: suggestSource(standing),
    abusing: standing.abusing,
    record:
      tipReach(viewer).kind === "all"
        ? { actioned: standing.actioned, falseInfo: standing.falseInfo, abuse: standing.abuse }
        : null,
  };
}
