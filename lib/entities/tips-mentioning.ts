// "Other tips mentioning this": for each entity of a tip, how many other tips the viewer may see
// carry the same vehicle or number. Scoped like every tip read.
import "server-only";
import { db } from "../db";
import { tipScope, type Viewer } from "../auth/scope";

export type EntityWithOthers = {
  kind: string;
  value: string;
  others: { ref: string; status: string }[];
  otherCount: number;
};

const SHOWN = 5;

export async function tipsMentioning(viewer: Viewer, tipId: string): Promise<EntityWithOthers[]> {
  const mine = await db.tipEntity.findMany({
    where: { tipId },
    select: { kind: true, value: true },
    orderBy: [{ kind: "desc" }, { value: "asc" }],
  });
  return Promise.all(
    mine.map(async (e) => {
      const where = {
        kind: e.kind,
        value: e.value,
        tipId: { not: tipId },
        tip: { ...tipScope(viewer), status: { not: "MERGED" as const } },
      };
      const [others, otherCount] = await Promise.all([
        db.tipEntity.findMany({
          where,
          select: { tip: { select: { ref: true, status: true } } },
          orderBy: { tip: { receivedAt: "desc" } },
          take: SHOWN,
        }),
        db.tipEntity.count({ where }),
      ]);
      return { ...e, others: others.map((o) => o.tip), otherCount };
    }),
  );
}

export function entityQueueHref(kind: string, value: string) {
  return `/queue?entity=${encodeURIComponent(`${kind}:${value}`)}`;
}
