"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createStationAction } from "@/app/(desk)/admin/stations/actions";
import { ActionMessage } from "../ui/action-message";

export function StationForm() {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(createStationAction, null);
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5";
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-4">
      <label className="text-sm">{t("stations.name")}<input name="name" required minLength={2} className={input} /></label>
      <label className="text-sm">{t("stations.nameHi")}<input name="nameHi" lang="hi" className={input} /></label>
      <label className="text-sm">{t("stations.district")}<input name="district" className={input} /></label>
      <div className="flex items-end">
        <button disabled={pending} className="w-full rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60">{t("stations.createButton")}</button>
      </div>
      <div className="sm:col-span-4"><ActionMessage state={state} success={t("stations.created")} /></div>
    </form>
  );
}
