// The printable daily report for the morning review: one IST day (yesterday by default), the same
// figures as the dashboard as tables, in the reader's language, laid out for A4.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { parseFilters } from "@/lib/dashboard/filters";
import { addDays, istDay } from "@/lib/time/ist";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { stationOptions } from "@/lib/dashboard/stations";
import { TileGrid } from "@/components/dashboard/tile-grid";
import { DataTableView } from "@/components/dashboard/chart-card";
import { OfficersPlainTable } from "@/components/dashboard/officers-plain-table";
import { PrintButton } from "@/components/dashboard/print-button";
import { formatDateTime, formatDay } from "@/lib/time/format";
import { pageTitle } from "@/lib/i18n/page-title";
import { StationFiguresTable } from "@/components/dashboard/station-figures-table";

export const generateMetadata = pageTitle("dashboard", "report.title");

const dateParam = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.iso.date().optional().catch(undefined));
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DailyReportPage({ searchParams }: Props) {
  const actor = await requirePage("dashboard:read");
  const params = await searchParams;
  const date = dateParam.parse(params.date) ?? addDays(istDay(new Date()), -1);
  const f = parseFilters({ ...params, range: "custom", from: date, to: date });
  const locale = await getLocale();
  const t = await getTranslations("dashboard");
  const [{ tiles, charts, officers, stations: stationRows }, stations] = await Promise.all([
    getDashboard(f),
    stationOptions(locale),
  ]);
  const names = new Map(stations.map((s) => [s.id, s.label]));
  const count = t("charts.count");
  const now = formatDateTime(new Date(), locale, "long");
  const filterLabel = [f.stationId && names.get(f.stationId), f.category && t(`category.${f.category}`)]
    .filter(Boolean)
    .join(" · ");
  const table = (xs: { label: string; count: number }[]) => ({
    columns: ["", count],
    rows: xs.map((x) => [x.label, x.count]),
  });
  const byHour = Array.from({ length: 24 }, (_, h) => [
    `${String(h).padStart(2, "0")}:00`,
    charts.heatmap.filter((c) => c.hour === h).reduce((s, c) => s + c.count, 0),
  ]);

  return (
    <main className="mx-auto max-w-4xl space-y-4 bg-white p-4 print:max-w-none print:p-0" data-testid="daily-report">
      <style>{"@page { size: A4; margin: 14mm; }"}</style>
      <form method="get" className="no-print flex flex-wrap items-end gap-2">
        <Link href="/dashboard" className="mr-auto text-sm text-brand-600 underline">
          {t("report.back")}
        </Link>
        <label className="flex flex-col text-xs text-slate-600">
          {t("report.date")}
          <input
            type="date"
            name="date"
            defaultValue={date}
            className="rounded border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        {f.stationId && <input type="hidden" name="station" value={f.stationId} />}
        {f.category && <input type="hidden" name="category" value={f.category} />}
        <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 text-sm">
          {t("report.show")}
        </button>
        <PrintButton />
      </form>
      <header className="border-b border-slate-300 pb-2">
        <h1 className="text-xl font-semibold">
          {t("report.heading", { date: formatDay(date, locale, { dateStyle: "full" }) })}
        </h1>
        {filterLabel && <p className="text-sm">{filterLabel}</p>}
        <p className="text-xs text-slate-500">{t("report.generated", { time: now, name: actor.name })}</p>
      </header>
      <h2 className="text-sm font-semibold">{t("report.figures")}</h2>
      <TileGrid tiles={tiles} />
      <p className="text-xs text-slate-500">{t("report.openNote")}</p>
      <div className="grid gap-4 sm:grid-cols-2 print:grid-cols-2">
        <DataTableView
          hideCaption={false}
          caption={t("charts.byCategory")}
          table={table(charts.byCategory.map((c) => ({ label: t(`category.${c.category}`), count: c.count })))}
        />
        <DataTableView
          hideCaption={false}
          caption={t("charts.byStation")}
          table={table(
            charts.byStation.map((s) => ({
              label: s.stationId ? (names.get(s.stationId) ?? "") : t("charts.noStation"),
              count: s.count,
            })),
          )}
        />
        <DataTableView
          hideCaption={false}
          caption={t("charts.outcomes")}
          table={table(charts.outcomes.map((o) => ({ label: t(`outcome.${o.outcome}`), count: o.count })))}
        />
        <DataTableView
          hideCaption={false}
          caption={t("charts.buckets")}
          table={table(charts.responseBuckets.map((b) => ({ label: t(`buckets.${b.bucket}`), count: b.count })))}
        />
        <DataTableView
          hideCaption={false}
          caption={`${t("channel.WHATSAPP")} / ${t("channel.VOICE")}`}
          table={table(
            charts.perDay.flatMap((d) => [
              { label: t("channel.WHATSAPP"), count: d.WHATSAPP },
              { label: t("channel.VOICE"), count: d.VOICE },
            ]),
          )}
        />
        <DataTableView
          hideCaption={false}
          caption={t("charts.heatmap")}
          table={{ columns: [t("charts.hour"), count], rows: byHour }}
        />
      </div>
      <section className="print:break-inside-avoid">
        <h2 className="mb-1 text-sm font-semibold">{t("officers.title")}</h2>
        <OfficersPlainTable rows={officers} />
      </section>
      <StationFiguresTable rows={stationRows} names={names} />
    </main>
  );
}
