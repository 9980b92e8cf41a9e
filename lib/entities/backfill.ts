// Entities of messages stored before a rule found them (docs/decisions/0715): the kinds of ADR 0701
// (UPI ids, accounts, handles, places) in old text, the grid cell of old shared locations (ADR 0705),
// and after a gazetteer upload (ADR 0704) the new places in old tips. A resumable backfill
// (lib/jobs/backfill.ts) computing exactly what ingest computes for a message: the same
// `entitiesToIndex`, without the sender's own number (by its keyed hash), and `geoEntities`.
// It only adds: a place dropped from the gazetteer stays on the tips that named it.
import "server-only";
import type { Tx } from "../db";
import type { Backfill } from "../jobs/backfill";
import { ENTITY_RULES } from "./extract";
import { geoEntities } from "./geo-cell";
import { entitiesToIndex } from "./index-tip-entities";
import { refreshGazetteer } from "./current-gazetteer";

type Row = { id: string; tipId: string; kind: string; body: string; meta: unknown; addressHash: string };

export const entitiesBackfill: Backfill = {
  name: "entities",
  version: ENTITY_RULES,
  batch: async (tx: Tx, afterId: string | null, size: number) => {
    await refreshGazetteer(tx);
    const rows = await tx.$queryRaw<Row[]>`
      SELECT m."id", m."tipId", m."kind"::text AS "kind", m."body", m."meta", i."addressHash"
      FROM "Message" m JOIN "Informant" i ON i."id" = m."informantId"
      WHERE m."direction" = 'INBOUND' AND (${afterId}::uuid IS NULL OR m."id" > ${afterId}::uuid)
      ORDER BY m."id" LIMIT ${size}::int`;
    const data = rows.flatMap((m) => {
      const text = m.kind === "REACTION" ? "" : m.body.trim();
      return [...(text ? entitiesToIndex(m.body, m.addressHash) : []), ...geoEntities(m.kind, m.meta)].map((e) => ({
        tipId: m.tipId,
        kind: e.kind,
        value: e.value,
      }));
    });
    // In key order, as a lock order: ingest may be adding the same tip's entities at the same time.
    data.sort((a, b) => (a.tipId + a.kind + a.value < b.tipId + b.kind + b.value ? -1 : 1));
    if (data.length) await tx.tipEntity.createMany({ data, skipDuplicates: true });
    return rows.map((m) => m.id);
  },
};
