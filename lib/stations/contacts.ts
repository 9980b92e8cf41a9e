// A station's duty contacts (ADR 0602): officers' own numbers, staff data rather than informants',
// so stored as they are and shown to admins. New action requests notify the active DUTY contacts;
// SENIOR contacts are the station's senior officer (for escalations). Deactivated, never deleted:
// notifications keep pointing at them.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { audit } from "../audit";
import { AppError } from "../errors";
import type { Actor } from "../auth/guard";
import { indianMobile } from "./mobile";

const contactInput = z.object({
  stationId: z.uuid(),
  name: z.string().trim().min(2).max(100),
  phone: z.string().max(30),
  channel: z.enum(["WHATSAPP", "SMS"]).default("WHATSAPP"),
  role: z.enum(["DUTY", "SENIOR"]).default("DUTY"),
});

export function listContacts() {
  return db.dutyContact.findMany({
    orderBy: [{ active: "desc" }, { station: { name: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      phone: true,
      channel: true,
      role: true,
      active: true,
      station: { select: { name: true } },
    },
  });
}

export async function addContact(actor: Actor, input: unknown) {
  const r = contactInput.safeParse(input);
  if (!r.success) throw new AppError("invalid");
  const phone = indianMobile(r.data.phone);
  if (!phone) throw new AppError("mobileInvalid");
  return db.$transaction(async (tx) => {
    if (!(await tx.policeStation.findUnique({ where: { id: r.data.stationId }, select: { id: true } })))
      throw new AppError("invalid");
    if (
      await tx.dutyContact.findUnique({
        where: { stationId_phone: { stationId: r.data.stationId, phone } },
        select: { id: true },
      })
    )
      throw new AppError("conflict");
    const c = await tx.dutyContact.create({ data: { ...r.data, phone }, select: { id: true } });
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "contact.create",
      targetType: "contact",
      targetId: c.id,
      detail: { stationId: r.data.stationId, channel: r.data.channel, role: r.data.role },
      ip: actor.ip,
    });
    return c;
  });
}

export async function setContactActive(actor: Actor, id: string, active: boolean) {
  return db.$transaction(async (tx) => {
    const done = await tx.dutyContact.updateMany({ where: { id }, data: { active } });
    if (!done.count) throw new AppError("notFound");
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: active ? "contact.activate" : "contact.deactivate",
      targetType: "contact",
      targetId: id,
      ip: actor.ip,
    });
  });
}
