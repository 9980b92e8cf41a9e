// compare() turns a ledger of answers and what the database holds into violations: a check that
// could not fail would make the reliability suite green by accident.
import { describe, expect, it } from "vitest";
import { Ledger } from "./burst";
import type { Delivery } from "./deliveries";
import { compare } from "./outcome";

const d = (id: string, expect: Delivery["expect"], tokens: string[], callSid?: string): Delivery => ({
  id,
  provider: "META",
  expect,
  tokens,
  callSid,
  render: () => ({ method: "POST", path: "/", headers: {} }),
});
const answer = (l: Ledger, id: string, status: number) =>
  l.add({ id, attempt: l.of(id).length, start: 0, end: 1, status });
const stored = (tokens: [string, number][], calls: [string, number][] = [], jobs: [string, number][] = []) => ({
  tokens: new Map(tokens),
  calls: new Map(calls),
  callJobs: new Map(jobs.map(([sid, n]) => [sid, { n, done: n }])),
});

describe("compare", () => {
  const deliveries = [
    d("a", "stored", ["t1", "t2"]),
    d("b", "stored", [], "CA1"),
    d("f", "forged", ["t9"]),
    d("x", "malformed", []),
  ];

  it("finds nothing when every valid delivery is acknowledged and stored once", () => {
    const l = new Ledger();
    answer(l, "a", 503);
    answer(l, "a", 200);
    answer(l, "b", 200);
    answer(l, "f", 401);
    answer(l, "x", 400);
    const out = compare(
      deliveries,
      l,
      stored(
        [
          ["t1", 1],
          ["t2", 1],
        ],
        [["CA1", 1]],
        [["CA1", 1]],
      ),
      { callsDone: true },
    );
    expect(out.violations).toEqual([]);
    expect(out.figures).toMatchObject({ lost: 0, duplicated: 0, "5xx": 1, redeliveries: 1 });
  });

  it("reports lost, doubled and forged messages, wrong answers and unacknowledged deliveries", () => {
    const l = new Ledger();
    answer(l, "a", 200);
    answer(l, "b", 422);
    answer(l, "f", 200);
    answer(l, "x", 500);
    const out = compare(
      deliveries,
      l,
      stored([
        ["t1", 2],
        ["t9", 1],
      ]),
      { callsDone: true },
    );
    expect(out.violations.join("\n")).toMatch(/valid deliveries answered 4xx \(1\): b→422/);
    expect(out.violations.join("\n")).toMatch(/forged deliveries not answered 401 \(1\): f→200/);
    expect(out.violations.join("\n")).toMatch(/malformed deliveries not answered 400 \(1\): x→500/);
    expect(out.violations.join("\n")).toMatch(/never acknowledged \(1\): b/);
    expect(out.violations.join("\n")).toMatch(/lost: acknowledged but not stored \(1\): t2/);
    expect(out.violations.join("\n")).toMatch(/stored more than once \(1\): t1×2/);
    expect(out.violations.join("\n")).toMatch(/stored from forged or malformed deliveries \(1\): forged t9/);
  });

  it("counts an acknowledged Exotel callback lost without its job, and its call once the jobs are done", () => {
    const l = new Ledger();
    answer(l, "b", 200);
    expect(compare([deliveries[1]], l, stored([]), { callsDone: false }).violations.join()).toMatch(
      /call CA1 \(no verify job\)/,
    );
    expect(compare([deliveries[1]], l, stored([], [], [["CA1", 1]]), { callsDone: true }).violations.join()).toMatch(
      /lost.*call CA1/,
    );
    expect(
      compare([deliveries[1]], l, stored([], [["CA1", 1]], [["CA1", 2]]), { callsDone: true }).violations.join(),
    ).toMatch(/verify job ×2/);
  });
});
