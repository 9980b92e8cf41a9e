"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "@/lib/auth/guard";
import { AppError, runAction } from "@/lib/errors";
import { retryMediaFetch } from "@/lib/media/retry-fetch";
import { kick } from "@/lib/jobs/worker";

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
