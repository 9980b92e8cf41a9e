"use server";
// Admin → Stations: each action checks the permission on the server, then one lib/stations mutation.
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { AppError, runAction } from "../errors";
import { createStation, stationInput, updateStation } from "./stations";

export async function createStationAction(form: FormData) {
  return runAction(async () => {
    const actor = await requireActor("admin:stations");
    const parsed = stationInput.safeParse({ name: form.get("name"), nameHi: form.get("nameHi") ?? "", district: form.get("district") ?? "" });
    if (!parsed.success) throw new AppError("invalid");
    await createStation(actor, { ...parsed.data, nameHi: parsed.data.nameHi ?? undefined });
    revalidatePath("/admin/stations");
  });
}

export async function updateStationAction(id: string, input: { name: string; nameHi?: string; district?: string; active?: boolean }) {
  return runAction(async () => {
    const actor = await requireActor("admin:stations");
    await updateStation(actor, id, input);
    revalidatePath("/admin/stations");
  });
}
