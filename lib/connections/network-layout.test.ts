import { describe, expect, it } from "vitest";
import { layoutNetwork } from "./network-layout";
import type { Network } from "./network";

const at = new Date("2026-12-01T00:00:00Z");
const net: Network = {
  tips: [
    { id: "1", ref: "EM-2026-000001", status: "NEW", receivedAt: at, hop: 0 },
    { id: "2", ref: "EM-2026-000002", status: "NEW", receivedAt: at, hop: 2 },
    { id: "3", ref: "EM-2026-000003", status: "NEW", receivedAt: at, hop: 2 },
  ],
  entities: [
    { kind: "vehicle", value: "UP70AB1234", hop: 1, tips: 2 },
    { kind: "upi", value: "x@ybl", hop: 1, tips: 2 },
  ],
  edges: [
    { ref: "EM-2026-000001", kind: "vehicle", value: "UP70AB1234" },
    { ref: "EM-2026-000001", kind: "upi", value: "x@ybl" },
    { ref: "EM-2026-000002", kind: "vehicle", value: "UP70AB1234" },
    { ref: "EM-2026-000003", kind: "upi", value: "x@ybl" },
  ],
  capped: false,
};

describe("network layout", () => {
  it("puts the centre in the middle, each hop on its ring, one line per edge, the same every time", () => {
    const l = layoutNetwork(net);
    const c = l.size / 2;
    const radius = (id: string) => {
      const n = l.nodes.find((x) => x.id === id)!;
      return Math.round(Math.hypot(n.x - c, n.y - c));
    };
    expect(radius("t:EM-2026-000001")).toBe(0);
    expect(radius("e:vehicle:UP70AB1234")).toBe(170);
    expect(radius("e:upi:x@ybl")).toBe(170);
    expect(radius("t:EM-2026-000002")).toBe(310);
    expect(l.lines).toHaveLength(4);
    expect(l.lines.every((x) => x.from && x.to)).toBe(true);
    expect(layoutNetwork(net)).toEqual(l);
  });

  it("places a second-hop tip on the side of the entity it names", () => {
    const l = layoutNetwork(net);
    const p = (id: string) => l.nodes.find((x) => x.id === id)!;
    const d = (a: string, b: string) => Math.hypot(p(a).x - p(b).x, p(a).y - p(b).y);
    expect(d("t:EM-2026-000002", "e:vehicle:UP70AB1234")).toBeLessThan(d("t:EM-2026-000002", "e:upi:x@ybl"));
    expect(d("t:EM-2026-000003", "e:upi:x@ybl")).toBeLessThan(d("t:EM-2026-000003", "e:vehicle:UP70AB1234"));
  });
});
