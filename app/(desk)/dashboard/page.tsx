import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { parseFilters, filtersToQuery, type DashboardFilters } from "@/lib/dashboard/filters";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { stationOptions } from "@/lib/dashboard/stations";
import { parseOfficerSort, sortOfficers } from "@/lib/dashboard/officer-sort";
import { Category } from "@/lib/generated/prisma/enums";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { TileGrid } from "@/components/dashboard/tile-grid";
import { ChartGrid } from "@/components/dashboard/chart-grid";
import { OfficersSection } from "@/components/dashboard/officers-section";
import { LiveRefresh } from "@/components/dashboard/live-refresh";
import { liveCursor } from "@/lib/live/bus";
import { formatDateTime, formatDay } from "@/lib/time/format";
import { pageTitle } from "@/lib/i18n/page-title";
import { StationFiguresTable } from "@/components/dashboard/station-figures-table";
import { hotSpots } from "@/lib/dashboard/hot-spots";
import { HotSpotsSection } from "@/components/dashboard/hot-spots";

export const generateMetadata = pageTitle("dashboard", "title");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  await requirePage("dashboard:read");
  const params = await searchParams;
  const f = parseFilters(params);
  const officerSort = parseOfficerSort(params);
  const locale = await getLocale();
  const t = await getTranslations("dashboard");
  const cursor = await liveCursor();
  const [{ tiles, charts, officers, stations: stationRows }, stations, hot] = await Promise.all([
    getDashboard(f),
    stationOptions(locale),
    hotSpots(f),
  ]);
  const query = filtersToQuery(f);
  const updatedAt = formatDateTime(new Date(), locale, "clock");
  const link = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100";

  return (
    <main className="mx-auto max-w-screen-2xl space-y-4 p-3 sm:p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600" data-testid="dashboard-range">
            {t("subtitle", { from: formatDay(f.fromDay, locale), to: formatDay(f.toDay, locale) })}
          </p>
          <LiveRefresh updatedAt={updatedAt} cursor={cursor} />
        </div>
        <div className="no-print flex flex-wrap gap-2">
          <a href={`/api/reports/tips.csv?${query}`} className={link} data-testid="export-csv" download>
            {t("actions.exportCsv")}
          </a>
          <Link href={`/dashboard/report?${reportQuery(f)}`} className={link}>
            {t("actions.dailyReport")}
          </Link>
        </div>
      </div>
      <FilterBar
        range={f.range}
        fromDay={f.fromDay}
        toDay={f.toDay}
        stationId={f.stationId}
        category={f.category}
        stations={stations}
        categories={Object.values(Category).map((c) => ({ value: c, label: t(`category.${c}`) }))}
      />
      <TileGrid tiles={tiles} />
      <ChartGrid charts={charts} stationNames={new Map(stations.map((s) => [s.id, s.label]))} />
      <HotSpotsSection hot={hot} filters={f} />
      <OfficersSection rows={sortOfficers(officers, officerSort)} sort={officerSort} />
      <StationFiguresTable rows={stationRows} names={new Map(stations.map((s) => [s.id, s.label]))} />
    </main>
  );
}

/** The daily report keeps the station and category; its date defaults to yesterday (the morning review). */
function reportQuery(f: DashboardFilters) {
  const q = new URLSearchParams();
  if (f.stationId) q.set("station", f.stationId);
  if (f.category) q.set("category", f.category);
  return q.toString();
}
