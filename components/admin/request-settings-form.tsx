"use client";
// Admin → Request rules: one row per priority (default due time in hours; "send first, review after")
// the minutes to the next escalation, and the minutes before an unclaimed urgent tip alerts the desk
// and then pages the SP Crime's desk (ADR 0609). The server checks every field again (ADR 0608).
import { useTranslations } from "next-intl";
import { saveRequestSettingsAction } from "@/lib/requests/settings-actions";
import type { RequestSettings } from "@/lib/requests/settings";
import { ActionMessage } from "../ui/action-message";
import { useAction } from "../ui/use-action";
import { submitted } from "../ui/submit-form";

const PRIORITIES = ["URGENT", "HIGH", "NORMAL", "LOW"] as const;

export function RequestSettingsForm({ settings }: { settings: RequestSettings }) {
  const t = useTranslations("admin");
  const tt = useTranslations("tip");
  const { pending, result, run } = useAction();
  const input = "w-24 rounded border border-slate-300 px-2 py-1";
  return (
    <form
      onSubmit={submitted((form) => {
        const data = new FormData(form);
        run(() => saveRequestSettingsAction(data));
      })}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="request-settings-form"
    >
      <table className="w-full text-sm">
        <caption className="sr-only">{t("requestRules.title")}</caption>
        <thead>
          <tr className="text-left">
            <th scope="col" className="py-1">
              {t("requestRules.priority")}
            </th>
            <th scope="col" className="py-1">
              {t("requestRules.dueHours")}
            </th>
            <th scope="col" className="py-1">
              {t("requestRules.sendFirst")}
            </th>
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.map((p) => (
            <tr key={p} className="border-t border-slate-100" data-testid={`rule-${p}`}>
              <th scope="row" className="py-2 text-left font-medium">
                {tt(`priorityName.${p}`)}
              </th>
              <td className="py-2">
                <input
                  name={`due.${p}`}
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min="0"
                  max="720"
                  required
                  defaultValue={settings.dueHours[p]}
                  aria-label={t("requestRules.dueHoursFor", { priority: tt(`priorityName.${p}`) })}
                  className={input}
                />
              </td>
              <td className="py-2">
                <input
                  name={`first.${p}`}
                  type="checkbox"
                  defaultChecked={settings.sendFirst.includes(p)}
                  aria-label={t("requestRules.sendFirstFor", { priority: tt(`priorityName.${p}`) })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-600">{t("requestRules.sendFirstHelp")}</p>
      <label className="block text-sm">
        {t("requestRules.escalateAfter")}{" "}
        <input
          name="escalateAfterMinutes"
          type="number"
          inputMode="numeric"
          min="1"
          max="10080"
          required
          defaultValue={settings.escalateAfterMinutes}
          className={input}
        />
      </label>
      {(["unclaimedAlertMinutes", "unclaimedPageMinutes"] as const).map((name) => (
        <label key={name} className="block text-sm">
          {t(`requestRules.${name}`)}{" "}
          <input
            name={name}
            type="number"
            inputMode="numeric"
            min="0"
            max="1440"
            required
            defaultValue={settings[name]}
            className={input}
          />
        </label>
      ))}
      <div className="flex items-center gap-3">
        <button
          disabled={pending}
          className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("requestRules.save")}
        </button>
        <ActionMessage state={result} success={t("requestRules.saved")} />
      </div>
    </form>
  );
}
