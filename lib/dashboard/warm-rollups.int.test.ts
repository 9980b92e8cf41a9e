// Rollups built ahead of the first read: the stale days of the range are built (today never), a
// second run finds nothing to do, and the dashboard's own refresh before a read then builds nothing.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeInformant, makeTip } from "../testing/factories";
import { warmRollups } from "./warm-rollups";
import { refreshRange } from "./rollup-refresh";
import { slaTargetSeconds } from "../sla/settings";
import { addDays, istDay } from "../time/ist";

// A stretch of days no other test writes to.
const NOW = new Date("2031-03-15T12:00:00+05:30");

describe("warmRollups", () => {
  it("builds every stale day of the range but today, then has nothing left to build", async () => {
    const informant = await makeInformant();
    await makeTip({ informantId: informant.id, receivedAt: new Date("2031-03-10T09:00:00+05:30") });
    await makeTip({ informantId: informant.id, receivedAt: new Date("2031-03-14T23:30:00+05:30") });
    await makeTip({ informantId: informant.id, receivedAt: new Date("2031-03-15T10:00:00+05:30") });

    const built = await warmRollups(NOW, 10);
    const today = istDay(NOW);
    const range = Array.from({ length: 9 }, (_, i) => addDays(today, -(9 - i)));
    expect([...built].sort()).toEqual(range);
    const rows = await db.$queryRaw<{ day: string; n: bigint }[]>`
      SELECT "day"::text AS "day", count(*) AS n FROM mukhbir_internal.dash_day WHERE "day" BETWEEN ${range[0]}::date AND ${today}::date GROUP BY 1`;
    expect(rows.map((r) => r.day).sort()).toEqual(range);

    expect(await warmRollups(NOW, 10)).toEqual([]);
    expect(await refreshRange({ fromDay: range[0], toDay: today }, await slaTargetSeconds(), NOW)).toEqual([]);
  });
});
