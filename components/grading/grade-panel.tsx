"use client";
// The tip page's grade: the officer picks the 3x5x2 grade; the source evaluation starts from what the
// alias's record suggests (ADR 0707, 0708). The choices are the scale; the server refuses anything else.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { gradeTipAction } from "@/lib/grading/actions";
import { ActionMessage } from "@/components/ui/action-message";
import { useAction } from "@/components/ui/use-action";
import { submitted } from "@/components/ui/submit-form";
import { SelectField } from "@/components/ui/select-field";
import { HANDLING_CODES, INTEL_GRADES, formatGrade, sourceNumber } from "@/lib/grading/scale";
import type { TipGrading } from "@/lib/grading/tip-grading";

const SELECT = "mt-0.5 w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-900";
const LABEL = "block text-xs text-slate-600";

export function GradePanel({ tipRef, grading, canGrade }: { tipRef: string; grading: TipGrading; canGrade: boolean }) {
  const t = useTranslations("grading");
  const suggested = sourceNumber(grading.suggested.grade);
  const [source, setSource] = useState<string>(grading.grade ? sourceNumber(grading.grade.source) : suggested);
  const [intel, setIntel] = useState<string>(grading.grade?.intel ?? "C");
  const [handling, setHandling] = useState<string>(grading.grade?.handling ?? "P");
  const { pending, result, run } = useAction();
  return (
    <section
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
      aria-labelledby="grade-title"
      data-testid="grade-panel"
    >
      <h2 id="grade-title" className="font-semibold">
        {t("title")}
      </h2>
      {grading.abusing && (
        <p
          role="note"
          className="rounded border border-red-300 bg-red-50 p-2 text-red-900"
          data-testid="abusing-warning"
        >
          {t("abusingWarning")}
        </p>
      )}
      <p data-testid="grade-current" className="font-mono">
        {grading.grade ? t("current", { grade: formatGrade(grading.grade) }) : t("ungraded")}
      </p>
      <p className="text-xs text-slate-600" data-testid="grade-suggested">
        {t("suggested", { grade: t(`sourceGrade.${suggested}`) })} ({t(`basis.${grading.suggested.basis}`)})
      </p>
      {grading.record && (
        <p className="text-xs text-slate-600" data-testid="grade-record">
          {t("record", grading.record)}
        </p>
      )}
      {canGrade && (
        <form
          className="space-y-2"
          onSubmit={submitted(() => run(() => gradeTipAction(tipRef, { source, intel, handling })))}
        >
          <SelectField
            label={t("source")}
            labelClassName={LABEL}
            className={SELECT}
            name="source"
            value={source}
            onChange={(e) => setSource(e.target.value)}
            choices={["1", "2", "3"].map((v) => ({ value: v, label: t(`sourceGrade.${v}`) }))}
          />
          <SelectField
            label={t("intel")}
            labelClassName={LABEL}
            className={SELECT}
            name="intel"
            value={intel}
            onChange={(e) => setIntel(e.target.value)}
            choices={INTEL_GRADES.map((v) => ({ value: v, label: t(`intelGrade.${v}`) }))}
          />
          <SelectField
            label={t("handling")}
            labelClassName={LABEL}
            className={SELECT}
            name="handling"
            value={handling}
            onChange={(e) => setHandling(e.target.value)}
            choices={HANDLING_CODES.map((v) => ({ value: v, label: t(`handlingCode.${v}`) }))}
          />
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-brand-600 px-3 py-1 text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {t("save")}
          </button>
          <p className="text-xs text-slate-500">{t("hint")}</p>
        </form>
      )}
      <ActionMessage state={result} success={t("saved")} />
    </section>
  );
}
