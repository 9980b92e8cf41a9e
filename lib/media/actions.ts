"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "../auth/guard";
import { AppError, runAction } from "../errors";
import { retryMediaFetch } from "./retry-fetch";
import { kick } from "../jobs/worker";

export async function retryMediaFetchAction(attachmentId: string) {
  return runAction(async () => {
    const actor = await requireActor("admin:webhooks");
    const id = z.uuid().safeParse(attachmentId);
    if (!id.success) throw new AppError("invalid");
    await retryMediaFetch(actor, id.data);
    kick();
    revalidatePath("/admin/webhooks");
  });
}
