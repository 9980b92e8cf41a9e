import { getTranslations } from "next-intl/server";
import type { WebhookFilter } from "@/lib/webhooks/list-webhook-activity";
import { SelectField } from "@/components/ui/select-field";

const PROVIDERS = ["META", "TWILIO", "EXOTEL"] as const;
const STATUSES = ["PROCESSED", "IGNORED", "FAILED"] as const;

/** A plain GET form: the filter lives in the URL and works without JavaScript. */
export async function WebhookFilterForm({ filter }: { filter: WebhookFilter }) {
  const t = await getTranslations("adminWebhooks");
  const select = "rounded border border-slate-300 bg-white px-2 py-1";
  const all = { value: "", label: t("filter.all") };
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 text-sm" role="search" aria-label={t("filter.label")}>
      <SelectField
        labelClassName="flex flex-col gap-1"
        label={t("columns.provider")}
        name="provider"
        defaultValue={filter.provider ?? ""}
        className={select}
        first={all}
        choices={PROVIDERS.map((p) => ({ value: p, label: t(`provider.${p}`) }))}
      />
      <SelectField
        labelClassName="flex flex-col gap-1"
        label={t("columns.status")}
        name="status"
        defaultValue={filter.status ?? ""}
        className={select}
        first={all}
        choices={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-white">
        {t("filter.apply")}
      </button>
    </form>
  );
}
