// Everything the dashboard and the daily report show, from two statements run side by side: the
// range's single scan (tiles, charts, officers' medians) and the officers' activity (ADR 0510).
import "server-only";
import type { DashboardFilters } from "./filters";
import { scanRange } from "./range-scan";
import { tilesFrom } from "./tiles";
import { chartsFrom } from "./charts";
import { officerActivity, officerRows } from "./officers";

export async function getDashboard(f: DashboardFilters, now = new Date()) {
  const [scan, activity] = await Promise.all([scanRange(f, now), officerActivity(f)]);
  return { tiles: tilesFrom(scan), charts: chartsFrom(scan, f), officers: await officerRows(scan, activity) };
}
