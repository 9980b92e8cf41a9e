import { describe, expect, it } from "vitest";
import { computeSla, formatRemaining } from "./compute";
import { DEFAULT_SLA, parseSlaTargets } from "./targets";

const T0 = Date.parse("2026-11-30T10:00:00Z");
const at = (min: number) => new Date(T0 + min * 60_000);
const tip = (over: Partial<Parameters<typeof computeSla>[0]> = {}) => ({
  priority: "NORMAL" as const, status: "NEW" as const, receivedAt: at(0), firstResponseAt: null, closedAt: null, ...over,
});

describe("computeSla", () => {
  it("runs the first-response clock until the first response: ok, due soon in the last quarter, breached", () => {
    expect(computeSla(tip(), DEFAULT_SLA, at(10).getTime())).toMatchObject({ state: "ok", phase: "firstResponse", remainingMs: 50 * 60_000 });
    expect(computeSla(tip(), DEFAULT_SLA, at(46).getTime()).state).toBe("dueSoon");
    expect(computeSla(tip(), DEFAULT_SLA, at(61).getTime()).state).toBe("breached");
    expect(computeSla(tip({ priority: "URGENT" }), DEFAULT_SLA, at(6).getTime()).state).toBe("breached");
  });

  it("after the first response the resolution clock runs", () => {
    const s = computeSla(tip({ status: "IN_PROGRESS", firstResponseAt: at(3) }), DEFAULT_SLA, at(61).getTime());
    expect(s).toMatchObject({ state: "ok", phase: "resolution" });
    expect(computeSla(tip({ status: "IN_PROGRESS", firstResponseAt: at(3) }), DEFAULT_SLA, at(72 * 60 + 1).getTime()).state).toBe("breached");
  });

  it("closed tips are met or breached by their close time", () => {
    expect(computeSla(tip({ status: "CLOSED", closedAt: at(100), firstResponseAt: at(1) }), DEFAULT_SLA, at(99999).getTime()).state).toBe("met");
    expect(computeSla(tip({ status: "CLOSED", priority: "URGENT", closedAt: at(5 * 60) }), DEFAULT_SLA, at(99999).getTime()).state).toBe("breached");
  });

  it("stored targets are validated and merged with the defaults", () => {
    expect(parseSlaTargets({ firstResponse: { URGENT: 2 } }).firstResponse).toEqual({ ...DEFAULT_SLA.firstResponse, URGENT: 2 });
    expect(parseSlaTargets({ firstResponse: { URGENT: -1 } })).toEqual(DEFAULT_SLA);
    expect(parseSlaTargets("nonsense")).toEqual(DEFAULT_SLA);
  });

  it("formats countdowns", () => {
    expect(formatRemaining(65_000)).toBe("1:05");
    expect(formatRemaining(-(3600 + 5 * 60 + 9) * 1000)).toBe("-1:05:09");
    expect(formatRemaining((2 * 86400 + 3600) * 1000)).toBe("2d 01:00");
  });
});
