// A call is one CALL message per provider call id, built up by several callbacks (incoming call,
// status, recording, Exotel Passthru): the first one that names the caller creates or extends a tip,
// later ones merge status, duration, IVR digits and the recording into the same message. The
// message row is locked (FOR UPDATE) while merging so concurrent callbacks of one call serialise.
import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import { publish } from "../live/bus";
import { upsertInformant } from "./upsert-informant";
import { unverifiedInformant } from "./exotel/unverified-informant";
import { threadTip, touchTip } from "./thread-tip";
import { addAttachments } from "./add-attachments";
import { finishIngest } from "./finish-ingest";
import type { CallEvent, CallStatus, IngestResult } from "./types";

type CallMeta = { direction: "INBOUND" | "OUTBOUND"; status: CallStatus; providerStatus?: string; durationSec?: number; digits?: string; unverified?: CallEvent["unverified"] };
const RANK: Record<CallStatus, number> = { ringing: 0, missed: 1, answered: 2, voicemail: 3 };

export async function storeCall(tx: Tx, ev: CallEvent): Promise<IngestResult & { reason?: string }> {
  // A WhatsApp call (Business Calling API) is the informant's WhatsApp: same informant, same tip.
  const channel = ev.channel ?? "VOICE";
  // An unconfirmed call gets an informant of its own: it may claim anyone's number (ADR 0211).
  const informant = ev.unverified ? await unverifiedInformant(tx, ev) : ev.sender ? await upsertInformant(tx, ev.sender, channel, ev.at) : undefined;
  const [existing] = await tx.$queryRaw<{ id: string; tipId: string; ref: string; meta: CallMeta | null; flagged: boolean }[]>`
    SELECT m."id", m."tipId", t."ref", m."meta", t."flagged" FROM "Message" m JOIN "Tip" t ON t."id" = m."tipId"
    WHERE m."provider" = ${ev.provider}::"Provider" AND m."providerMessageId" = ${ev.callId}
    FOR UPDATE OF m`;
  const recordings = ev.recording ? [ev.recording] : [];

  // An unconfirmed callback may not change a confirmed call (a forger who learnt a real CallSid).
  if (existing && ev.unverified && !existing.meta?.unverified) return { outcome: "ignored", reason: "unverified callback for a confirmed call" };
  if (existing) {
    const fresh = recordings.length ? await newRecordings(tx, existing.id, recordings.map((r) => r.providerRef)) : [];
    const media = recordings.filter((r) => fresh.includes(r.providerRef));
    const meta = mergeMeta(existing.meta, ev, media.length > 0);
    await tx.$executeRaw`UPDATE "Message" SET "meta" = ${JSON.stringify(meta)}::jsonb, "updatedAt" = now() WHERE "id" = ${existing.id}::uuid`;
    await addAttachments(tx, existing.id, ev.provider, media);
    if (media.length) await touchTip(tx, existing.tipId, { at: ev.at, inbound: true, messages: 0, media: media.length });
    await publish(tx, { type: "message.updated", tipId: existing.tipId, ref: existing.ref, messageId: existing.id });
    return { outcome: "stored", tipId: existing.tipId, ref: existing.ref, messageId: existing.id, newTip: false };
  }
  // A callback without the caller (recording status) for a call we never saw cannot be placed.
  if (!informant) return { outcome: "ignored", reason: "unknown call" };

  const tip = await threadTip(tx, informant, channel, ev.at);
  const id = crypto.randomUUID();
  const meta = mergeMeta(null, ev, recordings.length > 0);
  await tx.$executeRaw`
    INSERT INTO "Message" ("id", "tipId", "informantId", "direction", "kind", "body", "meta", "provider", "providerMessageId", "deliveryStatus", "sentAt", "createdAt", "updatedAt")
    VALUES (${id}::uuid, ${tip.id}::uuid, ${informant.id}::uuid, ${ev.direction}::"Direction", 'CALL', '', ${JSON.stringify(meta)}::jsonb,
            ${ev.provider}::"Provider", ${ev.callId}, 'RECEIVED', ${ev.at}, now(), now())`;
  await addAttachments(tx, id, ev.provider, recordings);
  const flagged = informant.blocked || undefined;
  await touchTip(tx, tip.id, { at: ev.at, inbound: ev.direction === "INBOUND", messages: 1, media: recordings.length, flag: informant.blocked });
  await finishIngest(tx, tip, [
    ...(tip.isNew ? [{ type: "tip.created" as const, tipId: tip.id, ref: tip.ref, flagged }] : []),
    { type: "message.created", tipId: tip.id, ref: tip.ref, messageId: id, direction: ev.direction, flagged },
  ]);
  return { outcome: "stored", tipId: tip.id, ref: tip.isNew ? undefined : tip.ref, messageId: id, newTip: tip.isNew };
}

/** Keeps the most informative status (voicemail > answered > missed > ringing) and the latest details. */
function mergeMeta(prev: CallMeta | null, ev: CallEvent, hasRecording: boolean): Prisma.InputJsonObject {
  let status: CallStatus = prev?.status ?? "ringing";
  // "voicemail" only when the recording is a message left because nobody answered.
  const next: CallStatus | undefined = hasRecording && ev.voicemail ? "voicemail" : ev.status;
  if (next && RANK[next] >= RANK[status]) status = next;
  const meta: CallMeta = {
    direction: prev?.direction ?? ev.direction,
    status,
    providerStatus: ev.providerStatus ?? prev?.providerStatus,
    // The longest reported: callbacks may be stored out of order (Exotel's are confirmed by parallel jobs).
    durationSec: ev.durationSec === undefined ? prev?.durationSec : Math.max(ev.durationSec, prev?.durationSec ?? 0),
    digits: ev.digits ?? prev?.digits,
    unverified: prev ? prev.unverified : ev.unverified,
  };
  return JSON.parse(JSON.stringify(meta));
}

async function newRecordings(tx: Tx, messageId: string, refs: string[]) {
  const rows = await tx.$queryRaw<{ providerRef: string }[]>`
    SELECT "providerRef" FROM "Attachment" WHERE "messageId" = ${messageId}::uuid AND "providerRef" = ANY(${refs})`;
  return refs.filter((r) => !rows.some((x) => x.providerRef === r));
}
