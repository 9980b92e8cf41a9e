"use server";
// Admin → Request rules: the permission is checked on the server, then lib/requests/save-settings.ts
// validates, saves and audits.
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { runAction } from "../errors";
import { saveRequestSettings, type RequestSettingsForm } from "./save-settings";

export async function saveRequestSettingsAction(form: FormData) {
  return runAction(async () => {
    const actor = await requireActor("admin:settings");
    const fields: RequestSettingsForm = {};
    for (const [k, v] of form.entries()) if (typeof v === "string") fields[k] = v;
    await saveRequestSettings(actor, fields);
    revalidatePath("/admin/requests");
  });
}
