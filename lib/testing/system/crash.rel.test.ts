// kill -9 of the server mid-burst, restart, redelivery of everything unanswered: nothing that got a
// 2xx lost, nothing stored twice, invariants intact — on PostgreSQL and on PGlite (lib/testing/system/crash.ts).
import { describe, expect, it } from "vitest";
import { runCrash } from "./crash";
import { printFigures } from "./outcome";
import { sizes } from "./sizes";
import type { Engine } from "./target";

describe("crash mid-burst", () => {
  it.each<Engine>(["postgres", "pglite"])(
    "loses nothing acknowledged and stores nothing twice on %s",
    async (engine) => {
      const out = await runCrash({ engine, ...sizes().crash[engine] });
      printFigures(`crash: kill -9 mid-burst (${engine})`, out.figures);
      expect(out.violations).toEqual([]);
    },
  );
});
