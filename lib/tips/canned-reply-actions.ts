"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { runAction } from "../errors";
import { saveCannedReply } from "./canned-replies";

export async function saveCannedReplyAction(input: unknown) {
  return runAction(async () => {
    const actor = await requireActor("admin:canned");
    const row = await saveCannedReply(actor, input);
    revalidatePath("/admin/canned-replies");
    return row;
  });
}
