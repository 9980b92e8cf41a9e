"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/guard";
import { AppError, runAction } from "@/lib/errors";
import { createStation, stationInput, updateStation } from "@/lib/stations/stations";

export async function createStationAction(_: unknown, form: FormData) {
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
