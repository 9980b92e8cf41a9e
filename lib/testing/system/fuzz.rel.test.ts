// Property-based, signed payloads for every provider and event type, poison strings and deep
// nesting included: never a 5xx, never unanswered, the server stays up and healthy
// (lib/testing/system/fuzz.ts; 100,000 of them in `npm run bench -- reliability`).
import { describe, expect, it } from "vitest";
import { runFuzz } from "./fuzz";
import { printFigures } from "./outcome";
import { sizes } from "./sizes";

describe("fuzz", () => {
  it("no signed payload of any provider gets a 5xx or brings the server down", async () => {
    const seed = process.env.RELIABILITY_SEED ? Number(process.env.RELIABILITY_SEED) : undefined;
    const out = await runFuzz({ runs: sizes().fuzz.runs, seed });
    printFigures("fuzz: signed property-based payloads (postgres)", out.figures);
    expect(out.violations).toEqual([]);
  });
});
