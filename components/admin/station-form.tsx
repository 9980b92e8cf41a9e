"use client";
import { useTranslations } from "next-intl";
import { createStationAction } from "@/lib/stations/actions";
import { ActionMessage } from "../ui/action-message";
import { useAction } from "../ui/use-action";
import { submitForm } from "../ui/submit-form";

export function StationForm() {
  const t = useTranslations("admin");
  const { pending, result, run } = useAction();
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5";
  return (
    <form onSubmit={submitForm(run, createStationAction)} className="grid gap-3 sm:grid-cols-4">
      <label className="text-sm">
        {t("stations.name")}
        <input name="name" required minLength={2} className={input} />
      </label>
      <label className="text-sm">
        {t("stations.nameHi")}
        <input name="nameHi" lang="hi" className={input} />
      </label>
      <label className="text-sm">
        {t("stations.district")}
        <input name="district" className={input} />
      </label>
      <div className="flex items-end">
        <button
          disabled={pending}
          className="w-full rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("stations.createButton")}
        </button>
      </div>
      <div className="sm:col-span-4">
        <ActionMessage state={result} success={t("stations.created")} />
      </div>
    </form>
  );
}
