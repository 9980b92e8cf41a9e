"use server";
// Action request server actions: each checks its permission on the server, then one lib/requests
// mutation does the scope check, the change, its TipEvent, audit row and live event together.
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { AppError, runAction } from "../errors";
import { kick } from "../jobs/worker";
import { draftRequest } from "./draft-request";
import { approveRequest } from "./approve-request";
import { closeRequest } from "./close-request";
import { tellInformant } from "./tell-informant";
import { acknowledgeRequest, assertStationRequest, reportAction } from "./station-report";
import { parseReport } from "./report-input";
import { readPhotos, storePhotos } from "./field-photos";

const refSchema = z.string().regex(/^EM-\d{4}-\d{6}$/);
const idSchema = z.uuid();

function requestId(id: unknown): string {
  const r = idSchema.safeParse(id);
  if (!r.success) throw new AppError("notFound");
  return r.data;
}

export async function draftRequestAction(ref: string, input: unknown) {
  const result = await runAction(async () => {
    const actor = await requireActor("request:draft");
    const r = refSchema.safeParse(ref);
    if (!r.success) throw new AppError("notFound");
    const out = await draftRequest(actor, r.data, input);
    revalidatePath(`/tips/${r.data}`);
    return out;
  });
  if (result.ok && result.data?.released) kick();
  return result;
}

export async function approveRequestAction(id: string) {
  const result = await runAction(async () => {
    const actor = await requireActor("request:approve");
    await approveRequest(actor, requestId(id));
  });
  if (result.ok) kick();
  return result;
}

export async function closeRequestAction(id: string) {
  return runAction(async () => {
    const actor = await requireActor("request:draft");
    await closeRequest(actor, requestId(id));
  });
}

/** The fixed "action has been taken" message to the informant (ADR 0607); once per request. */
export async function tellInformantAction(id: string) {
  const result = await runAction(async () => {
    const actor = await requireActor("tip:reply");
    await tellInformant(actor, requestId(id));
  });
  if (result.ok) kick();
  return result;
}

export async function acknowledgeRequestAction(id: string) {
  return runAction(async () => {
    const actor = await requireActor("station:act");
    await acknowledgeRequest(actor, requestId(id));
    revalidatePath(`/station/requests/${id}`);
  });
}

export async function reportRequestAction(form: FormData) {
  return runAction(async () => {
    const actor = await requireActor("station:act");
    const id = requestId(form.get("requestId"));
    await assertStationRequest(actor, id);
    const input = parseReport(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
    const photos = await storePhotos(await readPhotos(form.getAll("photos")));
    await reportAction(actor, id, input, photos);
    revalidatePath(`/station/requests/${id}`);
  });
}
