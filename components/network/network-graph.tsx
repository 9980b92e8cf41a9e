import { getTranslations } from "next-intl/server";
import type { Network } from "@/lib/connections/network";
import { networkHref } from "@/lib/connections/network";
import { entityNodeId, layoutNetwork, tipNodeId } from "@/lib/connections/network-layout";

const r1 = (n: number) => Math.round(n * 10) / 10;
const short = (s: string) => (s.length > 18 ? `${s.slice(0, 17)}…` : s);

/**
 * The network drawn as SVG on the server (ADR 0703): tips as circles (the centre filled), entities
 * as rounded boxes; each node links to its tip or to the network around that entity. The same graph
 * is in the table below for screen readers and keyboard users.
 */
export async function NetworkGraph({ net }: { net: Network }) {
  const t = await getTranslations("network");
  const tk = await getTranslations("tip");
  const layout = layoutNetwork(net);
  const tips = new Map(net.tips.map((x) => [tipNodeId(x.ref), x]));
  const ents = new Map(net.entities.map((e) => [entityNodeId(e.kind, e.value), e]));
  return (
    <figure className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-2">
      <svg
        viewBox={`0 0 ${layout.size} ${layout.size}`}
        className="mx-auto h-auto w-full max-w-3xl"
        role="group"
        aria-label={t("graphLabel", { tips: net.tips.length, entities: net.entities.length })}
        data-testid="network-graph"
      >
        <g stroke="#94a3b8" strokeWidth={1}>
          {layout.lines.map((l) => (
            <line key={`${l.from.id}|${l.to.id}`} x1={r1(l.from.x)} y1={r1(l.from.y)} x2={r1(l.to.x)} y2={r1(l.to.y)} />
          ))}
        </g>
        {layout.nodes.map((n) => {
          const x = r1(n.x);
          const y = r1(n.y);
          if (n.type === "tip") {
            const tip = tips.get(n.id)!;
            return (
              <a
                key={n.id}
                href={`/tips/${tip.ref}`}
                aria-label={t("tipNode", { ref: tip.ref })}
                data-testid="network-node"
                data-node={n.id}
              >
                <circle
                  cx={x}
                  cy={y}
                  r={n.hop === 0 ? 16 : 11}
                  fill={n.hop === 0 ? "#1d4ed8" : "#dbeafe"}
                  stroke="#1d4ed8"
                />
                <text x={x} y={y + 28} textAnchor="middle" fontSize={12} fill="#0f172a" fontFamily="monospace">
                  {tip.ref}
                </text>
              </a>
            );
          }
          const e = ents.get(n.id)!;
          return (
            <a
              key={n.id}
              href={networkHref({ kind: e.kind, value: e.value })}
              aria-label={t("entityNode", { kind: tk(`entityKind.${e.kind}`), value: e.value })}
              data-testid="network-node"
              data-node={n.id}
            >
              <rect
                x={x - 60}
                y={y - 12}
                width={120}
                height={24}
                rx={6}
                fill={n.hop === 0 ? "#b45309" : "#fef3c7"}
                stroke="#b45309"
              />
              <text x={x} y={y + 4} textAnchor="middle" fontSize={11} fill={n.hop === 0 ? "#ffffff" : "#0f172a"}>
                {short(e.value)}
              </text>
            </a>
          );
        })}
      </svg>
      <figcaption className="mt-1 text-xs text-slate-600">{t("legend")}</figcaption>
    </figure>
  );
}
