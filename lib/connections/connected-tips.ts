// "Connected tips" (issue 16 item 4, first part): the other tips that share an entity (vehicle,
// number, UPI id, account, handle, gazetteer place) or a watch item with this one, with what they
// share and when they came in, most shared first. Station scoping applies to every tip listed.
// From the (kind, value) index of TipEntity and the hits of TipWatchHit: index lookups per shared
// item, bounded by LIMITs, never a scan of the archive.
import "server-only";
import { db } from "../db";
import { tipScopeSql, type Viewer } from "../auth/scope";

export type Shared = { kind: string; value: string };
export type ConnectedTip = { ref: string; status: string; receivedAt: Date; shared: Shared[] };

/** Per shared item, how many other tips are looked at; and how many connected tips are shown. */
const PER_ITEM = 50;
const SHOWN = 20;

export async function connectedTips(viewer: Viewer, tipId: string): Promise<ConnectedTip[]> {
  const rows = await db.$queryRaw<{ ref: string; status: string; receivedAt: Date; shared: Shared[] }[]>`
    WITH mine AS (
      SELECT e."kind", e."value" FROM "TipEntity" e WHERE e."tipId" = ${tipId}::uuid
    ), via_entity AS (
      SELECT o."tipId", m."kind", m."value" FROM mine m
      CROSS JOIN LATERAL (SELECT x."tipId" FROM "TipEntity" x WHERE x."kind" = m."kind" AND x."value" = m."value" AND x."tipId" <> ${tipId}::uuid LIMIT ${PER_ITEM}::int) o
    ), via_watch AS (
      SELECT o."tipId", 'watch' AS "kind", w."value" FROM "TipWatchHit" h JOIN "WatchItem" w ON w."id" = h."watchId"
      CROSS JOIN LATERAL (SELECT x."tipId" FROM "TipWatchHit" x WHERE x."watchId" = h."watchId" AND x."tipId" <> ${tipId}::uuid ORDER BY x."createdAt" DESC LIMIT ${PER_ITEM}::int) o
      WHERE h."tipId" = ${tipId}::uuid AND (w."shared" OR w."ownerId" = ${viewer.id}::uuid)
    ), linked AS (SELECT * FROM via_entity UNION SELECT * FROM via_watch)
    SELECT t."ref", t."status"::text AS "status", t."receivedAt", jsonb_agg(DISTINCT jsonb_build_object('kind', l."kind", 'value', l."value")) AS "shared"
    FROM linked l JOIN "Tip" t ON t."id" = l."tipId"
    WHERE ${tipScopeSql(viewer)} AND t."status" <> 'MERGED'
    GROUP BY t."id"
    ORDER BY count(*) DESC, t."receivedAt" DESC
    LIMIT ${SHOWN}::int`;
  return rows.map((r) => ({
    ...r,
    receivedAt: new Date(r.receivedAt),
    shared: [...r.shared].sort((a, b) => a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value)),
  }));
}
