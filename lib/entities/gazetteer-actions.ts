"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { runAction, AppError } from "../errors";
import { uploadGazetteer, MAX_GAZETTEER_BYTES } from "./upload-gazetteer";

/** Admin → Gazetteer: the form posts the chosen CSV file (ADR 0704). */
export async function uploadGazetteerAction(form: FormData) {
  return runAction(async () => {
    const actor = await requireActor("admin:settings");
    const file = form instanceof FormData ? form.get("file") : null;
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("invalid", "no file", { reason: "gazetteerEmpty" });
    if (file.size > MAX_GAZETTEER_BYTES) throw new AppError("invalid", "too large", { reason: "gazetteerTooLarge" });
    const result = await uploadGazetteer(actor, await file.text());
    revalidatePath("/admin/gazetteer");
    return result;
  });
}
