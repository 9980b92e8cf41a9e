"use client";
// One recharts bar chart for every series the dashboard draws. Labels arrive translated from the
// server; this only draws. The numbers are also in the card's table view (charts are aria-hidden),
// so recharts' keyboard layer is off: a focusable chart inside aria-hidden is a trap for screen readers.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export type Series = { key: string; name: string; color: string };

export function DashboardBarChart({
  data,
  series,
  layout = "horizontal",
  stacked = false,
  height = 260,
}: {
  data: Record<string, string | number>[];
  series: Series[];
  /** "vertical" draws horizontal bars with labels on the left (long category names). */
  layout?: "horizontal" | "vertical";
  stacked?: boolean;
  height?: number;
}) {
  const vertical = layout === "vertical";
  const h = vertical ? Math.max(height, data.length * 28 + 40) : height;
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      data={data}
      layout={layout}
      style={{ width: "100%", height: h }}
      margin={{ top: 4, right: 12, bottom: 4, left: vertical ? 8 : -12 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={vertical} horizontal={!vertical} stroke="#e2e8f0" />
      {vertical ? (
        <>
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} interval={0} />
        </>
      ) : (
        <>
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={8} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        </>
      )}
      <Tooltip />
      {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.name}
          fill={s.color}
          stackId={stacked ? "a" : undefined}
          isAnimationActive={false}
          maxBarSize={48}
        />
      ))}
    </BarChart>
  );
}
