// Builds the day rollups ahead of the first read (issue 17): at start-up (after migrations, which
// may have cleared them), every hour, and after the SLA targets change (the rollups are keyed by
// them). Without it the first dashboard view after a deploy paid for building every day of its
// range (~12 s for 30 days at 1M tips). A day another process is building is skipped (its
// advisory lock); a clean day costs one index probe, so the hourly run is cheap.
import "server-only";
import { refreshRange } from "./rollup-refresh";
import { buildHotDays } from "./hot-spots";
import { MAX_DAYS } from "./filters";
import { slaTargetSeconds } from "../sla/settings";
import { addDays, istDay } from "../time/ist";
import { log } from "../log";

/** Builds every stale day of the last `days` (by default the longest range the dashboard reads); returns the days built. */
export async function warmRollups(now = new Date(), days = MAX_DAYS): Promise<string[]> {
  const started = Date.now();
  const toDay = istDay(now);
  const range = { fromDay: addDays(toDay, -(days - 1)), toDay };
  const built = await refreshRange(range, await slaTargetSeconds(), now);
  // The hot spots' day rollups too (ADR 0705), so the dashboard's first read builds nothing.
  await buildHotDays(range, toDay);
  if (built.length) log.info("dashboard rollups built", { days: built.length, ms: Date.now() - started });
  return built;
}
