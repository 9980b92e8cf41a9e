// The network around one tip or one entity (issue 16 item 4, ADR 0703): tips and the entities they
// name (vehicles, numbers, UPI ids, accounts, handles, places), two hops out in the tip–entity graph.
// From a tip: its entities, then the other tips naming them. From an entity: the tips naming it, then
// their other entities. Station scoping is inside every statement that picks a tip, *before* its
// LIMIT, so a station-bound officer never gets a node, an edge or a "capped" flag from a tip they
// cannot see. The informant is never a node: their own number is never indexed (ADR 0402, 0701).
import "server-only";
import { db } from "../db";
import { tipScopeSql, type Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { findScopedTip } from "../tips/find-scoped-tip";
import { ENTITY_KINDS, type EntityKind } from "../entities/extract";

export type NetTip = { id: string; ref: string; status: string; receivedAt: Date; hop: 0 | 1 | 2 };
export type NetEntity = { kind: string; value: string; hop: 0 | 1 | 2; tips: number };
export type NetEdge = { ref: string; kind: string; value: string };
export type Network = { tips: NetTip[]; entities: NetEntity[]; edges: NetEdge[]; capped: boolean };
export type Centre = { tip: string } | { kind: string; value: string };

/** Caps: entities drawn, tips per entity looked at, tips drawn. Past any of them the page says so. */
export const CAPS = { entities: 20, tipsPerEntity: 8, tips: 40 } as const;

type TipRow = { id: string; ref: string; status: string; receivedAt: Date };
const key = (kind: string, value: string) => `${kind}\u0000${value}`;

export async function tipNetwork(viewer: Viewer, centre: Centre): Promise<Network> {
  return "tip" in centre ? aroundTip(viewer, centre.tip) : aroundEntity(viewer, centre.kind, centre.value);
}

async function aroundTip(viewer: Viewer, ref: string): Promise<Network> {
  const own = await findScopedTip(db, viewer, ref);
  const centre = await db.tip.findUniqueOrThrow({
    where: { id: own.id },
    select: { id: true, ref: true, status: true, receivedAt: true },
  });
  const ents = await db.tipEntity.findMany({
    where: { tipId: centre.id },
    select: { kind: true, value: true },
    orderBy: [{ kind: "asc" }, { value: "asc" }],
    take: CAPS.entities + 1,
  });
  let capped = ents.length > CAPS.entities;
  const hop1 = ents.slice(0, CAPS.entities);
  // Per entity the newest visible tips naming it, one more than shown to know whether it was capped.
  const found = hop1.length
    ? await db.$queryRaw<(TipRow & { kind: string; value: string })[]>`
        SELECT e."kind", e."value", o."id", o."ref", o."status", o."receivedAt"
        FROM jsonb_to_recordset(${JSON.stringify(hop1)}::jsonb) AS e("kind" text, "value" text)
        CROSS JOIN LATERAL (
          SELECT t."id", t."ref", t."status"::text AS "status", t."receivedAt"
          FROM "TipEntity" x JOIN "Tip" t ON t."id" = x."tipId"
          WHERE x."kind" = e."kind" AND x."value" = e."value" AND x."tipId" <> ${centre.id}::uuid
            AND t."status" <> 'MERGED' AND ${tipScopeSql(viewer)}
          ORDER BY t."receivedAt" DESC, t."id"
          LIMIT ${CAPS.tipsPerEntity + 1}::int
        ) o`
    : [];
  const perEntity = new Map<string, number>();
  const tips = new Map<string, NetTip>([[centre.id, { ...centre, status: String(centre.status), hop: 0 }]]);
  for (const r of found) {
    const k = key(r.kind, r.value);
    const n = (perEntity.get(k) ?? 0) + 1;
    perEntity.set(k, n);
    if (n > CAPS.tipsPerEntity) capped = true;
    else if (!tips.has(r.id)) {
      if (tips.size > CAPS.tips) capped = true;
      else tips.set(r.id, { id: r.id, ref: r.ref, status: r.status, receivedAt: new Date(r.receivedAt), hop: 2 });
    }
  }
  const entities = hop1.map((e) => ({ ...e, hop: 1 as const, tips: 0 }));
  return finish([...tips.values()], entities, capped);
}

async function aroundEntity(viewer: Viewer, kind: string, value: string): Promise<Network> {
  if (!ENTITY_KINDS.includes(kind as EntityKind) || !value || value.length > 200) throw new AppError("invalid");
  const hop1 = await db.$queryRaw<TipRow[]>`
    SELECT t."id", t."ref", t."status"::text AS "status", t."receivedAt"
    FROM "TipEntity" x JOIN "Tip" t ON t."id" = x."tipId"
    WHERE x."kind" = ${kind} AND x."value" = ${value} AND t."status" <> 'MERGED' AND ${tipScopeSql(viewer)}
    ORDER BY t."receivedAt" DESC, t."id"
    LIMIT ${CAPS.tips + 1}::int`;
  let capped = hop1.length > CAPS.tips;
  const tips: NetTip[] = hop1
    .slice(0, CAPS.tips)
    .map((t) => ({ ...t, receivedAt: new Date(t.receivedAt), hop: 1 as const }));
  // Their other entities, those most of them share first (only visible tips are counted).
  const others = tips.length
    ? await db.$queryRaw<{ kind: string; value: string }[]>`
        SELECT x."kind", x."value" FROM "TipEntity" x
        WHERE x."tipId" = ANY(${tips.map((t) => t.id)}::uuid[]) AND NOT (x."kind" = ${kind} AND x."value" = ${value})
        GROUP BY x."kind", x."value"
        ORDER BY count(*) DESC, x."kind", x."value"
        LIMIT ${CAPS.entities + 1}::int`
    : [];
  if (others.length > CAPS.entities) capped = true;
  const entities: NetEntity[] = [
    { kind, value, hop: 0, tips: 0 },
    ...others.slice(0, CAPS.entities).map((e) => ({ ...e, hop: 2 as const, tips: 0 })),
  ];
  return finish(tips, entities, capped);
}

/** The edges among the chosen nodes (every tip–entity pair the index holds), and each entity's degree. */
async function finish(tips: NetTip[], entities: NetEntity[], capped: boolean): Promise<Network> {
  const byId = new Map(tips.map((t) => [t.id, t]));
  const wanted = new Map(entities.map((e) => [key(e.kind, e.value), e]));
  const rows = tips.length
    ? await db.tipEntity.findMany({
        where: { tipId: { in: tips.map((t) => t.id) } },
        select: { tipId: true, kind: true, value: true },
      })
    : [];
  const edges: NetEdge[] = [];
  for (const r of rows) {
    const e = wanted.get(key(r.kind, r.value));
    if (!e) continue;
    e.tips += 1;
    edges.push({ ref: byId.get(r.tipId)!.ref, kind: r.kind, value: r.value });
  }
  edges.sort((a, b) => a.ref.localeCompare(b.ref) || a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value));
  return { tips, entities, edges, capped };
}

/** Parses `?entity=kind:value` (the queue's form, lib/entities/tips-mentioning.ts). */
export function parseEntityParam(raw: string): { kind: string; value: string } | null {
  const i = raw.indexOf(":");
  const kind = raw.slice(0, i) as EntityKind;
  const value = raw.slice(i + 1);
  return i > 0 && value && value.length <= 200 && ENTITY_KINDS.includes(kind) ? { kind, value } : null;
}

export const networkHref = (c: Centre) =>
  "tip" in c
    ? `/network?tip=${encodeURIComponent(c.tip)}`
    : `/network?entity=${encodeURIComponent(`${c.kind}:${c.value}`)}`;
