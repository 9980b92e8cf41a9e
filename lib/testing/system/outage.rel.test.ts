// The database cut for ~10 s mid-burst behind a TCP proxy, refusing and silently dropping: only 5xx
// while it is away (never a 4xx, never a hang), recovery by itself, nothing lost after redelivery
// (lib/testing/system/outage.ts). PostgreSQL only: PGlite runs inside the app process. The harshest
// case — a partition whose held connections never come back — runs in `npm run bench -- reliability`.
import { describe, expect, it } from "vitest";
import { OUTAGE_MODES, runOutage } from "./outage";
import { printFigures } from "./outcome";
import { sizes } from "./sizes";

describe("database outage mid-burst", () => {
  it.each(["refuse", "drop"] as const)(
    "answers 5xx while the database is away and loses nothing (%s)",
    async (mode) => {
      const out = await runOutage({ mode, ...sizes().outage });
      printFigures(
        `outage: database ${OUTAGE_MODES[mode]} for ${sizes().outage.cutMs / 1000} s (postgres)`,
        out.figures,
      );
      expect(out.violations).toEqual([]);
    },
  );
});
