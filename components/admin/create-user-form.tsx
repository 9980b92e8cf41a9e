"use client";
import { useTranslations } from "next-intl";
import { createUserAction } from "@/lib/users/actions";
import { ActionMessage } from "../ui/action-message";
import { useAction } from "../ui/use-action";
import { submitForm } from "../ui/submit-form";

type Station = { id: string; name: string };

export function CreateUserForm({ stations }: { stations: Station[] }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const { pending, result, run } = useAction();
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5";
  return (
    <form onSubmit={submitForm(run, createUserAction)} className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7">
      <label className="text-sm">
        {t("users.username")}
        <input name="username" required pattern="[a-z0-9._-]{3,32}" className={input} />
      </label>
      <label className="text-sm">
        {t("users.name")}
        <input name="name" required className={input} />
      </label>
      <label className="text-sm">
        {t("users.initialPassword")}
        <input name="password" type="password" required minLength={12} autoComplete="new-password" className={input} />
      </label>
      <label className="text-sm">
        {t("users.role")}
        <select name="role" defaultValue="OFFICER" className={input}>
          {(["OFFICER", "SUPERVISOR", "ADMIN"] as const).map((r) => (
            <option key={r} value={r}>
              {tc(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        {t("users.station")}
        <select name="stationId" defaultValue="" className={input}>
          <option value="">{t("users.allStations")}</option>
          {stations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input name="districtWide" type="checkbox" value="true" />
        {t("users.districtWide")}
      </label>
      <div className="flex items-end">
        <button
          disabled={pending}
          className="w-full rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("users.createButton")}
        </button>
      </div>
      <div className="sm:col-span-3 lg:col-span-7">
        <ActionMessage state={result} success={t("users.created")} />
      </div>
    </form>
  );
}
