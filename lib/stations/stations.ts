// Police stations: listed everywhere (filters, assignment), edited only by admins, never deleted
// (tips keep pointing at them) — deactivated instead.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { audit } from "../audit";
import { AppError } from "../errors";
import type { Actor } from "../auth/guard";

export const stationInput = z.object({
  name: z.string().trim().min(2).max(100),
  nameHi: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || null),
  district: z.string().trim().max(100).default(""),
});

export function listStations(opts: { activeOnly?: boolean } = {}) {
  return db.policeStation.findMany({
    where: opts.activeOnly ? { active: true } : {},
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      nameHi: true,
      district: true,
      active: true,
      showInformantAlias: true,
      _count: { select: { users: true, tips: true } },
    },
  });
}

export async function createStation(actor: Actor, input: z.input<typeof stationInput>) {
  const data = stationInput.parse(input);
  return db.$transaction(async (tx) => {
    if (await tx.policeStation.findUnique({ where: { name: data.name }, select: { id: true } }))
      throw new AppError("conflict");
    const s = await tx.policeStation.create({ data, select: { id: true } });
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "station.create",
      targetType: "station",
      targetId: s.id,
      detail: { name: data.name },
      ip: actor.ip,
    });
    return s;
  });
}

export async function updateStation(
  actor: Actor,
  id: string,
  input: z.input<typeof stationInput> & { active?: boolean },
) {
  const data = { ...stationInput.parse(input), ...(input.active === undefined ? {} : { active: !!input.active }) };
  return db.$transaction(async (tx) => {
    const before = await tx.policeStation.findUnique({ where: { id }, select: { name: true, active: true } });
    if (!before) throw new AppError("notFound");
    const clash = await tx.policeStation.findFirst({ where: { name: data.name, NOT: { id } }, select: { id: true } });
    if (clash) throw new AppError("conflict");
    await tx.policeStation.update({ where: { id }, data });
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "station.update",
      targetType: "station",
      targetId: id,
      detail: { from: before, to: data },
      ip: actor.ip,
    });
  });
}

/** Whether a station's own officers may read the informant's alias (ADR 0606). Audited with the old and new value. */
export async function setStationAlias(actor: Actor, id: string, show: boolean) {
  return db.$transaction(async (tx) => {
    const before = await tx.policeStation.findUnique({ where: { id }, select: { showInformantAlias: true } });
    if (!before) throw new AppError("notFound");
    if (before.showInformantAlias === show) return { changed: false };
    await tx.policeStation.update({ where: { id }, data: { showInformantAlias: show } });
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "station.alias_visibility",
      targetType: "station",
      targetId: id,
      detail: { from: before.showInformantAlias, to: show },
      ip: actor.ip,
    });
    return { changed: true };
  });
}
