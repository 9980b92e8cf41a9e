import { getLocale, getTranslations } from "next-intl/server";
import type { Charts } from "@/lib/dashboard/charts";
import { ChartCard } from "./chart-card";
import { DashboardBarChart } from "./bar-chart";
import { Heatmap } from "./heatmap";
import { formatDay } from "@/lib/time/format";

export type StationNames = Map<string, string>;

const COLOR = { WHATSAPP: "#15803d", VOICE: "#1f4fbf", bar: "#1f4fbf", outcome: "#0f766e", bucket: "#7c3aed" };

/** Every chart of the dashboard, each with its table view; one column on a phone, two or three on a monitor. */
export async function ChartGrid({ charts, stationNames }: { charts: Charts; stationNames: StationNames }) {
  const t = await getTranslations("dashboard");
  const locale = await getLocale();
  const count = t("charts.count");
  const total = charts.perDay.reduce((s, d) => s + d.WHATSAPP + d.VOICE, 0);
  const station = (id: string | null) => (id ? (stationNames.get(id) ?? id) : t("charts.noStation"));

  const perDay = charts.perDay.map((d) => ({
    label: formatDay(d.day, locale, { day: "numeric", month: "short" }),
    WHATSAPP: d.WHATSAPP,
    VOICE: d.VOICE,
  }));
  const byCategory = charts.byCategory.map((c) => ({ label: t(`category.${c.category}`), count: c.count }));
  const byStation = charts.byStation.map((s) => ({ label: station(s.stationId), count: s.count }));
  const outcomes = charts.outcomes.map((o) => ({ label: t(`outcome.${o.outcome}`), count: o.count }));
  const buckets = charts.responseBuckets.map((b) => ({ label: t(`buckets.${b.bucket}`), count: b.count }));
  const single = (name: string, color: string) => [{ key: "count", name, color }];
  const rows = (xs: { label: string; count: number }[]) => ({
    columns: ["", count],
    rows: xs.map((x) => [x.label, x.count]),
  });
  const hours = Array.from({ length: 24 }, (_, h) => h);

  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-2 2xl:grid-cols-3 print:grid-cols-2">
      <ChartCard
        id="perDay"
        title={t("charts.perDay")}
        empty={total === 0}
        className="lg:col-span-2 2xl:col-span-2"
        table={{
          columns: [t("charts.day"), t("channel.WHATSAPP"), t("channel.VOICE"), t("charts.total")],
          rows: perDay.map((d) => [d.label, d.WHATSAPP, d.VOICE, d.WHATSAPP + d.VOICE]),
        }}
      >
        <DashboardBarChart
          data={perDay}
          stacked
          series={[
            { key: "WHATSAPP", name: t("channel.WHATSAPP"), color: COLOR.WHATSAPP },
            { key: "VOICE", name: t("channel.VOICE"), color: COLOR.VOICE },
          ]}
        />
      </ChartCard>
      <ChartCard
        id="buckets"
        title={t("charts.buckets")}
        empty={buckets.every((b) => b.count === 0)}
        table={rows(buckets)}
      >
        <DashboardBarChart data={buckets} series={single(count, COLOR.bucket)} />
      </ChartCard>
      <ChartCard
        id="byCategory"
        title={t("charts.byCategory")}
        empty={byCategory.length === 0}
        table={rows(byCategory)}
      >
        <DashboardBarChart data={byCategory} layout="vertical" series={single(count, COLOR.bar)} />
      </ChartCard>
      <ChartCard id="byStation" title={t("charts.byStation")} empty={byStation.length === 0} table={rows(byStation)}>
        <DashboardBarChart data={byStation} layout="vertical" series={single(count, COLOR.bar)} />
      </ChartCard>
      <ChartCard id="outcomes" title={t("charts.outcomes")} empty={outcomes.length === 0} table={rows(outcomes)}>
        <DashboardBarChart data={outcomes} layout="vertical" series={single(count, COLOR.outcome)} />
      </ChartCard>
      <ChartCard
        id="heatmap"
        title={t("charts.heatmap")}
        empty={total === 0}
        className="lg:col-span-2 2xl:col-span-3"
        table={{
          columns: [t("charts.weekday"), ...hours.map((h) => String(h).padStart(2, "0"))],
          rows: [1, 2, 3, 4, 5, 6, 7].map((dow) => [
            t(`weekday.${dow}`),
            ...hours.map((h) => charts.heatmap.find((c) => c.isoDow === dow && c.hour === h)?.count ?? 0),
          ]),
        }}
      >
        <Heatmap cells={charts.heatmap} />
      </ChartCard>
    </div>
  );
}
