// The SQL clock (prisma/functions/ist_*.sql) and lib/time/ist.ts name the same IST day, hour and
// midnight for every instant, including the last millisecond before and the first at each midnight,
// in any session time zone.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { addDays, istDay, istHour, istMidnight, DAY_MS, HOUR_MS, TIME_ZONE } from "./ist";

const instants = (): Date[] => {
  const out: Date[] = [];
  for (
    let t = Date.parse("1969-12-30T00:00:00Z");
    t < Date.parse("2041-01-01T00:00:00Z");
    t += 97 * DAY_MS + 5 * HOUR_MS + 1234
  )
    out.push(new Date(t));
  for (const day of ["1970-01-01", "2026-11-20", "2026-12-31", "2027-01-01", "2028-02-29"]) {
    const m = istMidnight(day).getTime();
    out.push(new Date(m - 1), new Date(m), new Date(m + 1), new Date(m + HOUR_MS - 1), new Date(m + DAY_MS - 1));
  }
  return out;
};

describe("the SQL clock", () => {
  for (const zone of ["UTC", "America/Los_Angeles", TIME_ZONE, "Pacific/Kiritimati"])
    it(`agrees with lib/time in session time zone ${zone}`, async () => {
      const at = instants();
      const rows = await db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('TimeZone', ${zone}, true)`;
        // Instants come back as epoch milliseconds: the driver reads a timestamptz text in the session's zone.
        return tx.$queryRaw<{ day: string; hour: number; midnight: number; next: number }[]>`
          SELECT mukhbir_internal.ist_day(a)::text AS "day", mukhbir_internal.ist_hour(a) AS "hour",
            date_part('epoch', mukhbir_internal.ist_midnight(mukhbir_internal.ist_day(a))) * 1000 AS "midnight",
            date_part('epoch', mukhbir_internal.ist_midnight(mukhbir_internal.ist_day(a) + 1)) * 1000 AS "next"
          FROM unnest(${at.map((a) => a.toISOString())}::timestamptz[]) WITH ORDINALITY x(a, i) ORDER BY i`;
      });
      expect(rows.map((r) => [r.day, r.hour, Number(r.midnight), Number(r.next)])).toEqual(
        at.map((a) => [
          istDay(a),
          istHour(a),
          istMidnight(istDay(a)).getTime(),
          istMidnight(addDays(istDay(a), 1)).getTime(),
        ]),
      );
    });
});
