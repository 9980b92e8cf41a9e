// Where each node of a network (lib/connections/network.ts) is drawn: the centre in the middle, the
// first hop on an inner ring, the second hop on an outer ring, each second-hop node placed at the
// mean angle of the first-hop nodes it is joined to, so edges stay short and rarely cross. Pure and
// deterministic (same network, same picture), drawn as SVG on the server (ADR 0703): no graph library.
import type { Network } from "./network";

export type Placed = { id: string; type: "tip" | "entity"; hop: 0 | 1 | 2; x: number; y: number };
export type Layout = { size: number; nodes: Placed[]; lines: { from: Placed; to: Placed }[] };

export const tipNodeId = (ref: string) => `t:${ref}`;
export const entityNodeId = (kind: string, value: string) => `e:${kind}:${value}`;

const SIZE = 720;
const RINGS = [0, 170, 310];

export function layoutNetwork(net: Network): Layout {
  const c = SIZE / 2;
  const nodes = new Map<string, Placed>();
  const all = [
    ...net.tips.map((t) => ({ id: tipNodeId(t.ref), type: "tip" as const, hop: t.hop })),
    ...net.entities.map((e) => ({ id: entityNodeId(e.kind, e.value), type: "entity" as const, hop: e.hop })),
  ];
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  for (const e of net.edges) {
    link(tipNodeId(e.ref), entityNodeId(e.kind, e.value));
    link(entityNodeId(e.kind, e.value), tipNodeId(e.ref));
  }
  const ring = (hop: 0 | 1 | 2) => all.filter((n) => n.hop === hop);
  for (const n of ring(0)) nodes.set(n.id, { ...n, x: c, y: c });
  const inner = ring(1);
  inner.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(inner.length, 1) - Math.PI / 2;
    nodes.set(n.id, { ...n, x: c + RINGS[1] * Math.cos(a), y: c + RINGS[1] * Math.sin(a) });
  });
  // Outer ring: ordered by the mean angle of their placed neighbours, then spread evenly.
  const angleOf = (p: Placed) => Math.atan2(p.y - c, p.x - c);
  const outer = ring(2)
    .map((n) => {
      const near = (neighbours.get(n.id) ?? [])
        .map((id) => nodes.get(id))
        .filter((p): p is Placed => !!p && p.hop === 1);
      const mean = near.length
        ? Math.atan2(
            near.reduce((s, p) => s + Math.sin(angleOf(p)), 0),
            near.reduce((s, p) => s + Math.cos(angleOf(p)), 0),
          )
        : 0;
      return { n, mean };
    })
    .sort((a, b) => a.mean - b.mean || a.n.id.localeCompare(b.n.id));
  const start = outer.length ? outer[0].mean : 0;
  outer.forEach(({ n }, i) => {
    const a = start + (2 * Math.PI * i) / outer.length;
    nodes.set(n.id, { ...n, x: c + RINGS[2] * Math.cos(a), y: c + RINGS[2] * Math.sin(a) });
  });
  const lines = net.edges.map((e) => ({
    from: nodes.get(tipNodeId(e.ref))!,
    to: nodes.get(entityNodeId(e.kind, e.value))!,
  }));
  return { size: SIZE, nodes: [...nodes.values()], lines };
}
