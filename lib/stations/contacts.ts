// A station's duty contacts (ADR 0602): officers' own numbers, staff data rather than informants',
// so stored as they are and shown to admins. New action requests notify the active DUTY contacts;
// SENIOR contacts are the station's senior officer (for escalations); SP_CRIME contacts (no station)
// are the SP Crime's desk, paged for unclaimed urgent tips and escalated requests (ADR 0609). Deactivated, never deleted:
// notifications keep pointing at them.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { audit } from "../audit";
import { AppError } from "../errors";
import type { Actor } from "../auth/guard";
import { indianMobile } from "./mobile";

const contactInput = z.object({
  /** None for the SP Crime's desk (role SP_CRIME, district-wide, ADR 0609); required otherwise. */
  stationId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
  name: z.string().trim().min(2).max(100),
  phone: z.string().max(30),
  channel: z.enum(["WHATSAPP", "SMS"]).default("WHATSAPP"),
  role: z.enum(["DUTY", "SENIOR", "SP_CRIME"]).default("DUTY"),
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
  const desk = r.data.role === "SP_CRIME";
  const stationId = desk ? null : r.data.stationId;
  if (!desk && !stationId) throw new AppError("invalid");
  return db.$transaction(async (tx) => {
    if (stationId && !(await tx.policeStation.findUnique({ where: { id: stationId }, select: { id: true } })))
      throw new AppError("invalid");
    if (await tx.dutyContact.findFirst({ where: { stationId, phone }, select: { id: true } }))
      throw new AppError("conflict");
    const c = await tx.dutyContact.create({ data: { ...r.data, stationId, phone }, select: { id: true } });
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "contact.create",
      targetType: "contact",
      targetId: c.id,
      detail: { stationId, channel: r.data.channel, role: r.data.role },
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
