import { getLocale, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { dateFormat } from "@/lib/time/format";
import {
  listMediaProblems,
  listWebhookEvents,
  webhookFilter,
  webhookSummary,
} from "@/lib/webhooks/list-webhook-activity";
import { WebhookFilterForm } from "@/components/admin-webhooks/webhook-filter";
import { FailedMediaTable, WebhookEventsTable } from "@/components/admin-webhooks/webhook-tables";
import { STATUS_STYLE } from "@/components/admin-webhooks/status-style";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("adminWebhooks", "title");

export default async function WebhooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("admin:webhooks");
  const t = await getTranslations("adminWebhooks");
  const locale = await getLocale();
  const filter = webhookFilter.parse(await searchParams);
  const [events, summary, media] = await Promise.all([
    listWebhookEvents(filter),
    webhookSummary(),
    listMediaProblems(),
  ]);
  const fmt = dateFormat(locale, "short");
  return (
    <main className="mx-auto max-w-screen-xl space-y-6 p-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>

      <section aria-labelledby="summary" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="summary" className="mb-2 font-semibold">
          {t("summary.title")}
        </h2>
        {summary.length === 0 ? (
          <p className="text-sm text-slate-600">{t("summary.none")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2 text-sm" data-testid="webhook-summary">
            {summary.map((s) => (
              <li key={`${s.provider}-${s.status}`} className={`rounded px-2 py-1 ${STATUS_STYLE[s.status]}`}>
                {t(`provider.${s.provider}`)} · {t(`status.${s.status}`)}:{" "}
                <span className="tabular-nums font-semibold">{s.count}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="media" className="rounded-lg border border-slate-200 bg-white">
        <div className="flex flex-wrap items-baseline justify-between gap-2 p-4 pb-2">
          <h2 id="media" className="font-semibold">
            {t("media.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("media.retryingCount", { count: media.retrying })}</p>
        </div>
        {media.failed.length === 0 ? (
          <p className="px-4 pb-4 text-sm text-slate-600">{t("media.none")}</p>
        ) : (
          <FailedMediaTable
            rows={media.failed.map((a) => ({
              id: a.id,
              time: fmt.format(a.updatedAt),
              ref: a.message.tip.ref,
              provider: a.provider,
              mime: a.mime,
              attempts: a.attempts,
              error: a.fetchError,
            }))}
          />
        )}
      </section>

      <section aria-labelledby="events" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="events" className="font-semibold">
          {t("events.title")}
        </h2>
        <WebhookFilterForm filter={filter} />
        {events.length === 0 ? (
          <p className="text-sm text-slate-600">{t("events.none")}</p>
        ) : (
          <WebhookEventsTable
            rows={events.map((e) => ({
              id: e.id,
              time: fmt.format(e.receivedAt),
              provider: e.provider,
              kind: e.kind,
              status: e.status,
              error: e.error,
              repairs: e.repairs,
            }))}
          />
        )}
        <p className="text-xs text-slate-500">{t("events.note")}</p>
      </section>
    </main>
  );
}
