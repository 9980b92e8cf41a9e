// Watch items (ADR 0702): supervisors add shared ones (they alert everyone who can see the tip),
// officers add their own (they alert only them). Every change is audited. A value that is not the
// kind it claims is refused with the reason and nothing is stored.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { audit } from "../audit";
import { AppError } from "../errors";
import { can } from "../auth/permissions";
import { tipScope, type Viewer } from "../auth/scope";
import type { Actor } from "../auth/guard";
import { currentGazetteer, refreshGazetteer } from "../entities/current-gazetteer";
import { parseWatch, WATCH_ENTITY_KINDS, WATCH_KINDS } from "./parse-watch";

const input = z.object({
  kind: z.enum(WATCH_KINDS),
  entityKind: z.enum(WATCH_ENTITY_KINDS).nullish(),
  value: z.string().max(400),
});

export async function addWatch(actor: Actor, raw: unknown) {
  const r = input.safeParse(raw);
  if (!r.success) throw new AppError("invalid", "bad watch input", { reason: "notEntity" });
  await refreshGazetteer();
  const parsed = parseWatch(r.data, currentGazetteer());
  if (!parsed.ok) throw new AppError("invalid", "bad watch value", { reason: parsed.error });
  // Supervisors' (and admins') watches are the district's; an officer's are their own.
  const shared = can(actor.role, "watch:share");
  return db.$transaction(async (tx) => {
    const existing = await tx.watchItem.findUnique({
      where: { ownerId_kind_normalised: { ownerId: actor.id, kind: parsed.kind, normalised: parsed.normalised } },
    });
    if (existing?.active) throw new AppError("conflict", "already watched", { reason: "duplicate" });
    const row = existing
      ? await tx.watchItem.update({
          where: { id: existing.id },
          data: { active: true, value: parsed.value, keys: parsed.keys, shared },
        })
      : await tx.watchItem.create({
          data: {
            kind: parsed.kind,
            entityKind: parsed.entityKind,
            value: parsed.value,
            normalised: parsed.normalised,
            keys: parsed.keys,
            ownerId: actor.id,
            shared,
          },
        });
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "watch.add",
      targetType: "watchItem",
      targetId: row.id,
      detail: { kind: row.kind, entityKind: row.entityKind, value: row.value, shared },
      ip: actor.ip ?? null,
    });
    return { id: row.id, normalised: row.normalised };
  });
}

export async function removeWatch(actor: Actor, raw: unknown) {
  const id = z.uuid().safeParse(raw);
  if (!id.success) throw new AppError("invalid");
  return db.$transaction(async (tx) => {
    const row = await tx.watchItem.findUnique({ where: { id: id.data } });
    // One's own; a supervisor may also stop any shared watch.
    if (!row || !row.active || (row.ownerId !== actor.id && !(row.shared && can(actor.role, "watch:share"))))
      throw new AppError("notFound");
    await tx.watchItem.update({ where: { id: row.id }, data: { active: false } });
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "watch.remove",
      targetType: "watchItem",
      targetId: row.id,
      detail: { kind: row.kind, value: row.value },
      ip: actor.ip ?? null,
    });
  });
}

export type WatchRow = {
  id: string;
  kind: string;
  entityKind: string | null;
  value: string;
  normalised: string;
  shared: boolean;
  mine: boolean;
  ownerName: string;
  createdAt: Date;
  hits: number;
};

/** The watches a user sees: their own and the shared ones, with how many tips (they may see) each tagged. */
export async function listWatches(viewer: Viewer): Promise<WatchRow[]> {
  const rows = await db.watchItem.findMany({
    where: { active: true, OR: [{ ownerId: viewer.id }, { shared: true }] },
    orderBy: { createdAt: "desc" },
    take: 500,
    select: {
      id: true,
      kind: true,
      entityKind: true,
      value: true,
      normalised: true,
      shared: true,
      ownerId: true,
      createdAt: true,
      owner: { select: { name: true } },
      _count: { select: { hits: { where: { tip: tipScope(viewer) } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    entityKind: r.entityKind,
    value: r.value,
    normalised: r.normalised,
    shared: r.shared,
    mine: r.ownerId === viewer.id,
    ownerName: r.owner.name,
    createdAt: r.createdAt,
    hits: r._count.hits,
  }));
}

export type WatchTag = { watchId: string; kind: string; value: string; shared: boolean; at: Date };

/** The watch items that tagged a tip, as the viewer may see them (own and shared). */
export async function tipWatchTags(viewer: Viewer, tipId: string): Promise<WatchTag[]> {
  const hits = await db.tipWatchHit.findMany({
    where: { tipId, watch: { OR: [{ ownerId: viewer.id }, { shared: true }] } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, watch: { select: { id: true, kind: true, value: true, shared: true } } },
  });
  return hits.map((h) => ({
    watchId: h.watch.id,
    kind: h.watch.kind,
    value: h.watch.value,
    shared: h.watch.shared,
    at: h.createdAt,
  }));
}
