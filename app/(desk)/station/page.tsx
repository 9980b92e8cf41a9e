import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { tipReach } from "@/lib/auth/scope";
import { listStationRequests } from "@/lib/requests/read-requests";
import { pageTitle } from "@/lib/i18n/page-title";
import { formatDateTime } from "@/lib/time/format";
import { renderNow } from "@/lib/time/now";
import { clip } from "@/lib/text/clip";
import { RequestStateBadge } from "@/components/requests/state-badge";

export const dynamic = "force-dynamic";
export const generateMetadata = pageTitle("requests", "stationTitle");

/** The station's phone view: its released requests as cards, open ones first by due time. */
export default async function StationPage(props: PageProps<"/station">) {
  const actor = await requirePage("station:read");
  const overdueView = (await props.searchParams).view === "overdue";
  const now = renderNow();
  const [t, tt, locale, requests] = await Promise.all([
    getTranslations("requests"),
    getTranslations("tip"),
    getLocale(),
    listStationRequests(actor, { overdue: overdueView, now }),
  ]);
  const tab = (on: boolean) =>
    `rounded px-3 py-1.5 text-sm font-medium ${on ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-800"}`;
  return (
    <main className="mx-auto max-w-screen-sm space-y-3 p-3" data-testid="station-page">
      <h1 className="text-xl font-semibold">{t("stationTitle")}</h1>
      <nav aria-label={t("views")} className="flex gap-2">
        <Link href="/station" className={tab(!overdueView)} aria-current={overdueView ? undefined : "page"}>
          {t("viewAll")}
        </Link>
        <Link
          href="/station?view=overdue"
          className={tab(overdueView)}
          aria-current={overdueView ? "page" : undefined}
          data-testid="overdue-view"
        >
          {t("viewOverdue")}
        </Link>
      </nav>
      {tipReach(actor).kind === "none" && <p className="text-sm text-slate-700">{t("stationNone")}</p>}
      {requests.length === 0 && tipReach(actor).kind !== "none" && (
        <p className="text-sm text-slate-700">{overdueView ? t("overdueEmpty") : t("stationEmpty")}</p>
      )}
      <ul className="space-y-3">
        {requests.map((r) => {
          const overdue = r.dueAt.getTime() < now && ["APPROVED", "SENT", "ACKNOWLEDGED"].includes(r.state);
          return (
            <li key={r.id}>
              <Link
                href={`/station/requests/${r.id}`}
                className="block rounded-lg border border-slate-200 bg-white p-3 shadow-sm hover:border-brand-600"
                data-testid="station-card"
              >
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-mono text-sm font-semibold">{r.tip.ref}</span>
                  <span
                    className={`rounded px-1.5 text-xs font-semibold ${r.priority === "URGENT" ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-800"}`}
                  >
                    {tt(`priorityName.${r.priority}`)}
                  </span>
                  <RequestStateBadge state={r.state} />
                </div>
                <p className={`mt-1 text-sm ${overdue ? "font-semibold text-red-800" : "text-slate-700"}`}>
                  {t("dueAt", { at: formatDateTime(r.dueAt, locale, "short") })}
                  {overdue ? ` · ${t("overdue")}` : ""}
                  {r.escalatedStage > 0 ? ` · ${t("escalated", { stage: r.escalatedStage })}` : ""}
                </p>
                <p className="mt-1 text-base">{clip(r.what, 140, "…")}</p>
                {r.where && <p className="text-sm text-slate-700">{clip(r.where, 80, "…")}</p>}
                <p className="mt-1 text-xs text-slate-600">
                  {locale === "hi" ? (r.station.nameHi ?? r.station.name) : r.station.name} ·{" "}
                  {t("mediaCount", { count: r._count.media })}
                </p>
              </Link>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
