"use client";
import { useTranslations } from "next-intl";
import { createContactAction } from "@/lib/stations/actions";
import { ActionMessage } from "../ui/action-message";
import { useAction } from "../ui/use-action";
import { submitForm } from "../ui/submit-form";

export function ContactForm({ stations }: { stations: { id: string; name: string }[] }) {
  const t = useTranslations("admin");
  const { pending, result, run } = useAction();
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5";
  return (
    <form
      onSubmit={submitForm(run, createContactAction)}
      className="grid gap-3 sm:grid-cols-3"
      data-testid="contact-form"
    >
      <label className="text-sm">
        {t("contacts.station")}
        {/* Not required: the SP Crime's desk serves the whole district (the server checks the pair). */}
        <select name="stationId" className={input}>
          <option value="">{t("contacts.noStation")}</option>
          {stations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        {t("contacts.name")}
        <input name="name" required minLength={2} className={input} />
      </label>
      <label className="text-sm">
        {t("contacts.phone")}
        <input name="phone" type="tel" inputMode="tel" required className={input} />
      </label>
      <label className="text-sm">
        {t("contacts.channel")}
        <select name="channel" className={input}>
          <option value="WHATSAPP">{t("contacts.channelName.WHATSAPP")}</option>
          <option value="SMS">{t("contacts.channelName.SMS")}</option>
        </select>
      </label>
      <label className="text-sm">
        {t("contacts.role")}
        <select name="role" className={input}>
          <option value="DUTY">{t("contacts.roleName.DUTY")}</option>
          <option value="SENIOR">{t("contacts.roleName.SENIOR")}</option>
          <option value="SP_CRIME">{t("contacts.roleName.SP_CRIME")}</option>
        </select>
      </label>
      <div className="flex items-end">
        <button
          disabled={pending}
          className="w-full rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("contacts.createButton")}
        </button>
      </div>
      <div className="sm:col-span-3">
        <ActionMessage state={result} success={t("contacts.created")} />
      </div>
    </form>
  );
}
