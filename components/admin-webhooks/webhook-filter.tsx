import { getTranslations } from "next-intl/server";
import type { WebhookFilter } from "@/lib/webhooks/list-webhook-activity";

const PROVIDERS = ["META", "TWILIO", "EXOTEL"] as const;
const STATUSES = ["PROCESSED", "IGNORED", "FAILED"] as const;

/** A plain GET form: the filter lives in the URL and works without JavaScript. */
export async function WebhookFilterForm({ filter }: { filter: WebhookFilter }) {
  const t = await getTranslations("adminWebhooks");
  const select = "rounded border border-slate-300 bg-white px-2 py-1";
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 text-sm" role="search" aria-label={t("filter.label")}>
      <label className="flex flex-col gap-1">
        {t("columns.provider")}
        <select name="provider" defaultValue={filter.provider ?? ""} className={select}>
          <option value="">{t("filter.all")}</option>
          {PROVIDERS.map((p) => <option key={p} value={p}>{t(`provider.${p}`)}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("columns.status")}
        <select name="status" defaultValue={filter.status ?? ""} className={select}>
          <option value="">{t("filter.all")}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
      </label>
      <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-white">{t("filter.apply")}</button>
    </form>
  );
}
