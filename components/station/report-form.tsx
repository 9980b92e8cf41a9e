"use client";
// The station's action report, sized for a phone: what happened, the FIR number, arrests, what was
// seized, details and up to two field photos (the server checks every field again).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { reportRequestAction } from "@/lib/requests/actions";
import { ActionMessage } from "@/components/ui/action-message";
import { useAction } from "@/components/ui/use-action";
import { submitForm } from "@/components/ui/submit-form";

const KINDS = ["ACTION_TAKEN", "FIR_REGISTERED", "ARREST", "RECOVERY", "NOT_FOUND"] as const;

export function ReportForm({ id }: { id: string }) {
  const t = useTranslations("requests");
  const { pending, result, run } = useAction();
  const [kind, setKind] = useState<(typeof KINDS)[number]>("ACTION_TAKEN");
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-2 text-base";
  return (
    <form
      onSubmit={submitForm(run, reportRequestAction)}
      aria-labelledby="report-title"
      data-testid="report-form"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <h2 id="report-title" className="font-semibold">
        {t("reportTitle")}
      </h2>
      <input type="hidden" name="requestId" value={id} />
      <label className="block text-sm">
        {t("reportKindLabel")}
        <select
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}
          className={input}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`reportKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === "FIR_REGISTERED" && (
        <label className="block text-sm">
          {t("firNumber")}
          <input name="firNumber" inputMode="numeric" placeholder="0123/2026" className={input} />
        </label>
      )}
      {(kind === "ARREST" || kind === "FIR_REGISTERED") && (
        <label className="block text-sm">
          {t("arrestsLabel")}
          <input name="arrests" type="number" min={0} max={999} inputMode="numeric" className={input} />
        </label>
      )}
      {kind === "RECOVERY" && (
        <div className="grid grid-cols-2 gap-2">
          <label className="block text-sm">
            {t("seizedWhat")}
            <input name="seizedWhat" className={input} />
          </label>
          <label className="block text-sm">
            {t("seizedQty")}
            <input name="seizedQty" className={input} />
          </label>
        </div>
      )}
      <label className="block text-sm">
        {t("details")}
        <textarea name="details" rows={3} maxLength={2000} className={input} />
      </label>
      <label className="block text-sm">
        {t("photos")}
        <input
          name="photos"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          capture="environment"
          className="mt-1 block w-full text-sm"
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-600 px-4 py-3 text-base font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {t("submitReport")}
      </button>
      <ActionMessage state={result} success={t("reported")} />
    </form>
  );
}
