"use client";
// Closing needs an outcome and a summary (the server refuses otherwise); a closed tip can be reopened.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { closeAction, reopenAction } from "@/lib/tips/actions";
import { ActionMessage } from "@/components/ui/action-message";
import { SelectField } from "@/components/ui/select-field";
import { useAction } from "@/components/ui/use-action";
import { submitted } from "@/components/ui/submit-form";

const OUTCOMES = [
  "ACTIONED",
  "FIR_REGISTERED",
  "ARREST_MADE",
  "RECOVERY_SEIZURE",
  "FORWARDED_TO_STATION",
  "INSUFFICIENT_INFORMATION",
  "FALSE_INFORMATION",
  "DUPLICATE",
  "SPAM_ABUSE",
] as const;

export function ClosePanel({
  tipRef,
  status,
  outcome,
  summary,
}: {
  tipRef: string;
  status: string;
  outcome: string | null;
  summary: string | null;
}) {
  const t = useTranslations("tip");
  const [form, setForm] = useState({ outcome: "", summary: "" });
  const { pending, result, run } = useAction();
  if (status === "MERGED") return null;
  if (status === "CLOSED")
    return (
      <section className="rounded-lg border border-green-300 bg-green-50 p-3 text-sm" data-testid="close-panel">
        <p>
          <span className="font-medium">{t("outcome")}:</span> {outcome ? t(`outcomeName.${outcome}`) : t("none")}
        </p>
        {summary && <p className="mt-1 whitespace-pre-wrap">{summary}</p>}
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => reopenAction(tipRef))}
          className="mt-2 rounded border border-slate-400 bg-white px-3 py-1.5 hover:bg-slate-100"
        >
          {t("reopen")}
        </button>
        <ActionMessage state={result} />
      </section>
    );
  const invalidField = result && !result.ok && result.code === "invalid" ? String(result.detail?.field ?? "") : null;
  return (
    <form
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
      aria-label={t("closeTitle")}
      data-testid="close-panel"
      // The browser's own checks are left off: the server is the one that refuses a close without an outcome.
      noValidate
      onSubmit={submitted(() =>
        run(() => closeAction(tipRef, { outcome: form.outcome || undefined, summary: form.summary })),
      )}
    >
      <h2 className="text-sm font-semibold">{t("closeTitle")}</h2>
      <SelectField
        labelClassName="block text-xs font-medium text-slate-600"
        label={t("outcome")}
        name="outcome"
        value={form.outcome}
        onChange={(e) => setForm({ ...form, outcome: e.target.value })}
        className="mt-0.5 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        aria-invalid={invalidField === "outcome"}
        first={{ value: "", label: t("chooseOutcome") }}
        choices={OUTCOMES.map((o) => ({ value: o, label: t(`outcomeName.${o}`) }))}
      />
      <label className="block text-xs font-medium text-slate-600">
        {t("closingSummary")}
        <textarea
          name="summary"
          value={form.summary}
          onChange={(e) => setForm({ ...form, summary: e.target.value })}
          rows={3}
          maxLength={4000}
          className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1 text-sm"
          aria-invalid={invalidField === "summary"}
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900 disabled:opacity-50"
      >
        {t("close")}
      </button>
      {invalidField ? (
        <p role="alert" className="text-sm text-red-700" data-testid="close-error">
          {invalidField === "summary" ? t("summaryRequired") : t("outcomeRequired")}
        </p>
      ) : (
        <ActionMessage state={result} />
      )}
    </form>
  );
}
