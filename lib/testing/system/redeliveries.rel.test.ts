// Thousands of signed deliveries with concurrent and later redeliveries, forged and malformed ones,
// against `next start` on PostgreSQL and on PGlite: exactly the valid messages stored, once each,
// and the database invariants hold (lib/testing/system/redeliveries.ts).
import { describe, expect, it } from "vitest";
import { printFigures } from "./outcome";
import { runRedeliveries } from "./redeliveries";
import { sizes } from "./sizes";
import type { Engine } from "./target";

describe("redeliveries and forgeries", () => {
  it.each<Engine>(["postgres", "pglite"])("store exactly the valid messages, once each, on %s", async (engine) => {
    const out = await runRedeliveries({ engine, valid: sizes().redeliveries[engine] });
    printFigures(`redeliveries and forgeries (${engine})`, out.figures);
    expect(out.violations).toEqual([]);
  });
});
