// Everything the dashboard and the daily report show, from two statements run side by side: the
// range's single scan (tiles, charts, officers' medians) and the officers' activity (ADR 0510), and a
// third for the stations' action requests (ADR 0610).
import "server-only";
import type { DashboardFilters } from "./filters";
import { scanRange } from "./range-scan";
import { tilesFrom } from "./tiles";
import { chartsFrom } from "./charts";
import { officerActivity, officerRows } from "./officers";
import { stationFigures } from "./station-figures";

export async function getDashboard(f: DashboardFilters, now = new Date()) {
  const [scan, activity, stations] = await Promise.all([scanRange(f, now), officerActivity(f), stationFigures(f, now)]);
  return {
    tiles: tilesFrom(scan),
    charts: chartsFrom(scan, f),
    officers: await officerRows(scan, activity),
    stations,
  };
}
