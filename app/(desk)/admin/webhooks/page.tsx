import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { dateFormat } from "@/lib/time/format";
import { listMediaProblems, listWebhookEvents, webhookFilter, webhookSummary } from "@/lib/webhooks/list-webhook-activity";
import { WebhookFilterForm } from "@/components/admin-webhooks/webhook-filter";
import { RetryButton } from "@/components/admin-webhooks/retry-button";

export async function generateMetadata() {
  return { title: (await getTranslations("adminWebhooks"))("title") };
}

const STATUS_STYLE = { PROCESSED: "bg-green-100 text-green-800", IGNORED: "bg-slate-100 text-slate-700", FAILED: "bg-red-100 text-red-800" } as const;

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin:webhooks");
  const t = await getTranslations("adminWebhooks");
  const locale = await getLocale();
  const filter = webhookFilter.parse(await searchParams);
  const [events, summary, media] = await Promise.all([listWebhookEvents(filter), webhookSummary(), listMediaProblems()]);
  const fmt = dateFormat(locale, "short");
  const th = "p-2 font-medium";
  return (
    <main className="mx-auto max-w-screen-xl space-y-6 p-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>

      <section aria-labelledby="summary" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="summary" className="mb-2 font-semibold">{t("summary.title")}</h2>
        {summary.length === 0 ? (
          <p className="text-sm text-slate-600">{t("summary.none")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2 text-sm" data-testid="webhook-summary">
            {summary.map((s) => (
              <li key={`${s.provider}-${s.status}`} className={`rounded px-2 py-1 ${STATUS_STYLE[s.status]}`}>
                {t(`provider.${s.provider}`)} · {t(`status.${s.status}`)}: <span className="tabular-nums font-semibold">{s.count}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="media" className="rounded-lg border border-slate-200 bg-white">
        <div className="flex flex-wrap items-baseline justify-between gap-2 p-4 pb-2">
          <h2 id="media" className="font-semibold">{t("media.title")}</h2>
          <p className="text-sm text-slate-600">{t("media.retryingCount", { count: media.retrying })}</p>
        </div>
        {media.failed.length === 0 ? (
          <p className="px-4 pb-4 text-sm text-slate-600">{t("media.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="failed-media">
              <caption className="sr-only">{t("media.title")}</caption>
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className={th}>{t("columns.time")}</th>
                  <th scope="col" className={th}>{t("columns.tip")}</th>
                  <th scope="col" className={th}>{t("columns.provider")}</th>
                  <th scope="col" className={th}>{t("columns.type")}</th>
                  <th scope="col" className={th}>{t("columns.attempts")}</th>
                  <th scope="col" className={th}>{t("columns.error")}</th>
                  <th scope="col" className={th}><span className="sr-only">{t("media.retry")}</span></th>
                </tr>
              </thead>
              <tbody>
                {media.failed.map((a) => (
                  <tr key={a.id} className="border-t border-slate-100 align-top" data-testid={`failed-media-${a.id}`}>
                    <td className="whitespace-nowrap p-2 tabular-nums">{fmt.format(a.updatedAt)}</td>
                    <td className="p-2"><Link className="text-brand-700 underline" href={`/tips/${a.message.tip.ref}`}>{a.message.tip.ref}</Link></td>
                    <td className="p-2">{t(`provider.${a.provider}`)}</td>
                    <td className="p-2">{a.mime}</td>
                    <td className="p-2 tabular-nums">{a.attempts}</td>
                    <td className="max-w-md break-words p-2 text-red-800">{a.fetchError}</td>
                    <td className="p-2"><RetryButton attachmentId={a.id} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="events" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="events" className="font-semibold">{t("events.title")}</h2>
        <WebhookFilterForm filter={filter} />
        {events.length === 0 ? (
          <p className="text-sm text-slate-600">{t("events.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="webhook-events">
              <caption className="sr-only">{t("events.title")}</caption>
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className={th}>{t("columns.time")}</th>
                  <th scope="col" className={th}>{t("columns.provider")}</th>
                  <th scope="col" className={th}>{t("columns.kind")}</th>
                  <th scope="col" className={th}>{t("columns.status")}</th>
                  <th scope="col" className={th}>{t("columns.error")}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id} className="border-t border-slate-100 align-top">
                    <td className="whitespace-nowrap p-2 tabular-nums">{fmt.format(e.receivedAt)}</td>
                    <td className="p-2">{t(`provider.${e.provider}`)}</td>
                    <td className="p-2 font-mono text-xs">{e.kind}</td>
                    <td className="p-2"><span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[e.status]}`}>{t(`status.${e.status}`)}</span></td>
                    <td className="max-w-md break-words p-2 text-slate-700">
                      {e.error ?? ""}
                      {e.repairs > 0 && <span className="block text-xs text-amber-800">{t("repaired", { count: e.repairs })}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="text-xs text-slate-500">{t("events.note")}</p>
      </section>
    </main>
  );
}
