"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { runAction } from "../errors";
import { addWatch, removeWatch } from "./watch-items";

export async function addWatchAction(input: unknown) {
  return runAction(async () => {
    const actor = await requireActor("watch:own");
    const row = await addWatch(actor, input);
    revalidatePath("/watchlist");
    return row;
  });
}

export async function removeWatchAction(id: unknown) {
  return runAction(async () => {
    const actor = await requireActor("watch:own");
    await removeWatch(actor, id);
    revalidatePath("/watchlist");
  });
}
