import { getTranslations } from "next-intl/server";
import type { Charts } from "@/lib/dashboard/charts";

/**
 * The 24 × 7 arrival load as a CSS grid (recharts has no heat map). Each cell's shade scales with
 * its count; the numbers are in the card's table view and in each cell's title.
 */
export async function Heatmap({ cells }: { cells: Charts["heatmap"] }) {
  const t = await getTranslations("dashboard");
  const max = Math.max(1, ...cells.map((c) => c.count));
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <div className="overflow-x-auto">
      <div
        className="grid min-w-[19rem] gap-px text-[10px] text-slate-600"
        style={{ gridTemplateColumns: "2.5rem repeat(24, minmax(0, 1fr))" }}
      >
        <span />
        {hours.map((h) => (
          <span key={h} className="text-center">
            {h % 3 === 0 ? String(h).padStart(2, "0") : ""}
          </span>
        ))}
        {[1, 2, 3, 4, 5, 6, 7].map((dow) => (
          <Row key={dow} label={t(`weekday.${dow}`)} cells={cells.filter((c) => c.isoDow === dow)} max={max} />
        ))}
      </div>
      <p className="mt-2 text-xs text-slate-500">{t("charts.heatmapHint")}</p>
    </div>
  );
}

function Row({ label, cells, max }: { label: string; cells: Charts["heatmap"]; max: number }) {
  return (
    <>
      <span className="pr-1 text-right leading-5 sm:leading-6">{label}</span>
      {cells.map((c) => {
        const a = c.count === 0 ? 0 : 0.12 + 0.88 * (c.count / max);
        return (
          <span
            key={c.hour}
            title={`${label} ${String(c.hour).padStart(2, "0")}:00 — ${c.count}`}
            data-count={c.count}
            className="h-5 rounded-sm border border-slate-100 sm:h-6"
            style={{ backgroundColor: `rgba(31, 79, 191, ${a.toFixed(3)})` }}
          />
        );
      })}
    </>
  );
}
