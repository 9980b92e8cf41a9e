// Hundreds of live queue streams from one rendered cursor while new tips arrive: every stream gets
// every tip (lib/testing/system/fan-out.ts).
import { describe, expect, it } from "vitest";
import { runFanOut } from "./fan-out";
import { printFigures } from "./outcome";
import { sizes } from "./sizes";

describe("live fan-out", () => {
  it("delivers every new tip to every open stream", async () => {
    const out = await runFanOut(sizes().fanOut);
    printFigures("fan-out: live queue streams (postgres)", out.figures);
    expect(out.violations).toEqual([]);
  });
});
