// Watch matching (ADR 0702). A message's watch keys are its phonetic word keys and its entities
// (places included) as `e:<kind>:<value>`; a watch item is hit when all its keys are among them.
// The ingest statement checks `keys && message keys` on the GIN index of WatchItem.keys (so the
// cost does not depend on how many items exist) and, only when something may match, queues a
// `watch.match` job; the job confirms containment, tags the tip, audits and tells the owner (or,
// for a supervisor's shared watch, everyone who can see the tip) through the live stream.
import "server-only";
import { db } from "../db";
import { audit } from "../audit";
import { publish } from "../live/bus";
import { reaches } from "../auth/scope";
import { entitiesToIndex } from "../entities/index-tip-entities";
import { refreshGazetteer } from "../entities/current-gazetteer";
import { indexTerms } from "../search/keys";
import { entityKey } from "./parse-watch";

/** The keys a watch item can be hit by, for one message (the informant's own number never among them). */
export function messageWatchKeys(text: string, informantHash: string | undefined): string[] {
  if (!text.trim()) return [];
  return [
    ...new Set([
      ...indexTerms(text).keys,
      ...entitiesToIndex(text, informantHash).map((e) => entityKey(e.kind, e.value)),
    ]),
  ];
}

type Candidate = {
  id: string;
  ownerId: string;
  shared: boolean;
  value: string;
  role: "OFFICER" | "SUPERVISOR" | "ADMIN";
  stationId: string | null;
  districtWide: boolean;
};

/** The job: tags the message's tip with every watch item it hits. Returns the watch ids newly hit. */
export async function matchWatches(messageId: string): Promise<string[]> {
  const m = await db.message.findUnique({
    where: { id: messageId },
    select: {
      body: true,
      direction: true,
      tipId: true,
      tip: { select: { ref: true, stationId: true } },
      informant: { select: { addressHash: true } },
    },
  });
  if (!m || m.direction !== "INBOUND" || !m.body) return [];
  await refreshGazetteer();
  const keys = messageWatchKeys(m.body, m.informant.addressHash);
  if (!keys.length) return [];
  return db.$transaction(async (tx) => {
    // && finds candidates on the GIN index; <@ keeps those whose every key the message has.
    const hits = await tx.$queryRaw<Candidate[]>`
      SELECT w."id", w."ownerId", w."shared", w."value", u."role", u."stationId", u."districtWide"
      FROM "WatchItem" w JOIN "User" u ON u."id" = w."ownerId"
      WHERE w."active" AND u."active" AND w."keys" && ${keys}::text[] AND w."keys" <@ ${keys}::text[]`;
    const fresh: string[] = [];
    for (const w of hits) {
      // A private watch only tags tips its owner may see (station scoping).
      if (
        !w.shared &&
        !reaches({ id: w.ownerId, role: w.role, stationId: w.stationId, districtWide: w.districtWide }, m.tip.stationId)
      )
        continue;
      const inserted =
        await tx.$executeRaw`INSERT INTO "TipWatchHit" ("tipId", "watchId", "messageId") VALUES (${m.tipId}::uuid, ${w.id}::uuid, ${messageId}::uuid) ON CONFLICT DO NOTHING`;
      if (!inserted) continue;
      fresh.push(w.id);
      await audit(tx, {
        actorId: null,
        actorRole: "SYSTEM",
        action: "watch.hit",
        targetType: "watchItem",
        targetId: w.id,
        tipId: m.tipId,
        detail: { ref: m.tip.ref, messageId },
      });
      await publish(tx, {
        type: "watch.hit",
        tipId: m.tipId,
        ref: m.tip.ref,
        watchId: w.id,
        ownerId: w.ownerId,
        shared: w.shared,
      });
    }
    return fresh;
  });
}
