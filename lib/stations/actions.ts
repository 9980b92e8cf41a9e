"use server";
// Admin → Stations: each action checks the permission on the server, then one lib/stations mutation.
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { AppError, runAction } from "../errors";
import { createStation, setStationAlias, stationInput, updateStation } from "./stations";
import { addContact, setContactActive } from "./contacts";

export async function createStationAction(form: FormData) {
  return runAction(async () => {
    const actor = await requireActor("admin:stations");
    const parsed = stationInput.safeParse({
      name: form.get("name"),
      nameHi: form.get("nameHi") ?? "",
      district: form.get("district") ?? "",
    });
    if (!parsed.success) throw new AppError("invalid");
    await createStation(actor, { ...parsed.data, nameHi: parsed.data.nameHi ?? undefined });
    revalidatePath("/admin/stations");
  });
}

export async function updateStationAction(
  id: string,
  input: { name: string; nameHi?: string; district?: string; active?: boolean },
) {
  return runAction(async () => {
    const actor = await requireActor("admin:stations");
    await updateStation(actor, id, input);
    revalidatePath("/admin/stations");
  });
}

/** The per-station "may read the informant alias" switch (ADR 0606). */
export async function setStationAliasAction(id: string, show: boolean) {
  return runAction(async () => {
    const actor = await requireActor("admin:stations");
    const r = z.object({ id: z.uuid(), show: z.boolean() }).safeParse({ id, show });
    if (!r.success) throw new AppError("invalid");
    await setStationAlias(actor, r.data.id, r.data.show);
    revalidatePath("/admin/stations");
  });
}

export async function createContactAction(form: FormData) {
  return runAction(async () => {
    const actor = await requireActor("admin:stations");
    await addContact(actor, {
      stationId: form.get("stationId"),
      name: form.get("name"),
      phone: form.get("phone"),
      channel: form.get("channel") ?? undefined,
      role: form.get("role") ?? undefined,
    });
    revalidatePath("/admin/contacts");
  });
}

export async function setContactActiveAction(id: string, active: boolean) {
  return runAction(async () => {
    const actor = await requireActor("admin:stations");
    const r = z.object({ id: z.uuid(), active: z.boolean() }).safeParse({ id, active });
    if (!r.success) throw new AppError("invalid");
    await setContactActive(actor, r.data.id, r.data.active);
    revalidatePath("/admin/contacts");
  });
}
