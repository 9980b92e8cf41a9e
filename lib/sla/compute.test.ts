import { describe, expect, it } from "vitest";
import { computeSla, formatRemaining } from "./compute";
import { slaBreached, slaOverdue, slaSeconds } from "./rule";
import { DEFAULT_SLA, parseSlaTargets } from "./targets";

const T0 = Date.parse("2026-11-30T10:00:00Z");
const at = (min: number) => new Date(T0 + min * 60_000);
const tip = (over: Partial<Parameters<typeof computeSla>[0]> = {}) => ({
  priority: "NORMAL" as const,
  receivedAt: at(0),
  firstResponseAt: null,
  closedAt: null,
  ...over,
});
const secs = slaSeconds(DEFAULT_SLA);

describe("computeSla", () => {
  it("runs the first-response clock until the first response: ok, due soon in the last quarter, breached", () => {
    expect(computeSla(tip(), DEFAULT_SLA, at(10).getTime())).toMatchObject({
      state: "ok",
      phase: "firstResponse",
      remainingMs: 50 * 60_000,
      breached: false,
    });
    expect(computeSla(tip(), DEFAULT_SLA, at(45).getTime()).state).toBe("dueSoon");
    expect(computeSla(tip(), DEFAULT_SLA, at(60).getTime())).toMatchObject({
      state: "dueSoon",
      remainingMs: 0,
      breached: false,
    }); // exactly at the target: in time
    expect(computeSla(tip(), DEFAULT_SLA, at(60).getTime() + 1)).toMatchObject({ state: "breached", breached: true });
    expect(computeSla(tip({ priority: "URGENT" }), DEFAULT_SLA, at(6).getTime()).state).toBe("breached");
  });

  it("after the first response the resolution clock runs; a late first response stays a breach", () => {
    const answered = tip({ firstResponseAt: at(3) });
    expect(computeSla(answered, DEFAULT_SLA, at(61).getTime())).toMatchObject({
      state: "ok",
      phase: "resolution",
      breached: false,
    });
    expect(computeSla(answered, DEFAULT_SLA, at(72 * 60 + 1).getTime()).state).toBe("breached");
    const late = computeSla(tip({ firstResponseAt: at(61) }), DEFAULT_SLA, at(62).getTime());
    expect(late).toMatchObject({ state: "ok", phase: "resolution", breached: true });
  });

  it("a closed tip is met only if neither clock missed: the verdict the dashboard counts", () => {
    expect(
      computeSla(tip({ closedAt: at(100), firstResponseAt: at(1) }), DEFAULT_SLA, at(99999).getTime()),
    ).toMatchObject({ state: "met", breached: false });
    expect(
      computeSla(tip({ priority: "URGENT", closedAt: at(5 * 60) }), DEFAULT_SLA, at(99999).getTime()),
    ).toMatchObject({ state: "breached", phase: "resolution" });
    // Closed within 72 h, but the first response came after 90 min: breached, shown on the clock that missed.
    expect(
      computeSla(tip({ closedAt: at(100), firstResponseAt: at(90) }), DEFAULT_SLA, at(99999).getTime()),
    ).toMatchObject({ state: "breached", phase: "firstResponse", remainingMs: -30 * 60_000 });
    // Closed with no response at all: the first-response clock ran until the closing.
    expect(computeSla(tip({ closedAt: at(61) }), DEFAULT_SLA, at(99999).getTime()).state).toBe("breached");
    expect(computeSla(tip({ closedAt: at(60) }), DEFAULT_SLA, at(99999).getTime()).state).toBe("met");
  });

  it("races whichever target comes first while unanswered, even when an admin set resolution shorter", () => {
    const odd = parseSlaTargets({ firstResponse: { NORMAL: 120 }, resolution: { NORMAL: 90 } });
    expect(computeSla(tip(), odd, at(80).getTime())).toMatchObject({ state: "dueSoon", phase: "resolution" });
    expect(computeSla(tip(), odd, at(91).getTime()).state).toBe("breached");
    expect(slaOverdue(tip(), slaSeconds(odd), at(91).getTime())).toBe(true);
  });

  it("counts whole seconds of fractional-minute targets", () => {
    const s = slaSeconds(parseSlaTargets({ firstResponse: { NORMAL: 2.5 } }));
    expect(s.firstResponse.NORMAL).toBe(150);
    expect(slaBreached(tip(), s, T0 + 150_000)).toBe(false);
    expect(slaBreached(tip(), s, T0 + 150_001)).toBe(true);
  });

  it("overdue and breached: overdue is the running clock, breached any clock", () => {
    expect(slaOverdue(tip({ firstResponseAt: at(61) }), secs, at(62).getTime())).toBe(false);
    expect(slaBreached(tip({ firstResponseAt: at(61) }), secs, at(62).getTime())).toBe(true);
    expect(slaOverdue(tip({ closedAt: at(5000) }), secs, at(99999).getTime())).toBe(false);
  });

  it("stored targets are validated and merged with the defaults", () => {
    expect(parseSlaTargets({ firstResponse: { URGENT: 2 } }).firstResponse).toEqual({
      ...DEFAULT_SLA.firstResponse,
      URGENT: 2,
    });
    expect(parseSlaTargets({ firstResponse: { URGENT: -1 } })).toEqual(DEFAULT_SLA);
    expect(parseSlaTargets("nonsense")).toEqual(DEFAULT_SLA);
  });

  it("formats countdowns", () => {
    expect(formatRemaining(65_000)).toBe("1:05");
    expect(formatRemaining(-(3600 + 5 * 60 + 9) * 1000)).toBe("-1:05:09");
    expect(formatRemaining((2 * 86400 + 3600) * 1000)).toBe("2d 01:00");
  });
});
