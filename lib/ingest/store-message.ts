// An inbound message in one transaction (the caller's): informant by keyed hash, the tip it
// threads into, the message (unique per provider + provider message id), its attachments and their
// fetch jobs, the acknowledgement for a new tip, and the live events — all committed together.
import "server-only";
import crypto from "node:crypto";
import type { Tx } from "../db";
import { env } from "../env";
import { enqueue } from "../jobs/queue";
import { publish } from "../live/bus";
import { upsertInformant } from "./upsert-informant";
import { threadTip, touchTip, type ThreadedTip } from "./thread-tip";
import { queueAck } from "./queue-ack";
import { indexTipEntities } from "../entities/index-tip-entities";
import type { IngestResult, MediaRef, MessageEvent } from "./types";

export async function storeMessage(tx: Tx, ev: MessageEvent): Promise<IngestResult> {
  const informant = await upsertInformant(tx, ev.sender, ev.channel, ev.at);
  // A reaction belongs with the message it reacts to, even when that tip is outside the window.
  const tip = (ev.messageKind === "REACTION" && ev.replyToProviderId && (await tipOfMessage(tx, ev, informant.id))) || (await threadTip(tx, informant, ev.channel, ev.at));
  const id = crypto.randomUUID();
  const [inserted] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Message" ("id", "tipId", "informantId", "direction", "kind", "body", "meta", "provider", "providerMessageId", "replyToProviderId", "deliveryStatus", "sentAt", "createdAt", "updatedAt")
    VALUES (${id}::uuid, ${tip.id}::uuid, ${informant.id}::uuid, 'INBOUND', ${ev.messageKind}::"MessageKind", ${ev.body}, ${ev.meta ? JSON.stringify(ev.meta) : null}::jsonb,
            ${ev.provider}::"Provider", ${ev.providerMessageId}, ${ev.replyToProviderId ?? null}, 'RECEIVED', ${ev.at}, now(), now())
    ON CONFLICT ("provider", "providerMessageId") DO NOTHING
    RETURNING "id"`;
  // The same provider message under another event key (e.g. a re-batched delivery): already stored.
  // The transaction is rolled back by the caller so the informant/tip touches above leave no trace.
  if (!inserted) throw new AlreadyStored();
  await addAttachments(tx, id, ev.provider, ev.media);
  const flag = informant.blocked;
  await touchTip(tx, tip.id, { at: ev.at, inbound: true, messages: 1, media: ev.media.length, text: ev.messageKind === "REACTION" ? "" : ev.body, flag });
  // Vehicles and third-party numbers mentioned in the text (never the informant's own number).
  if (ev.messageKind !== "REACTION" && ev.body) await indexTipEntities(tx, tip.id, ev.body);
  if (tip.isNew) await publish(tx, { type: "tip.created", tipId: tip.id, ref: tip.ref, flagged: flag || undefined });
  await publish(tx, { type: "message.created", tipId: tip.id, ref: tip.ref, messageId: id, direction: "INBOUND", flagged: flag || undefined });
  if (tip.isNew && env().ACK_ENABLED && !informant.blocked) await queueAck(tx, { tipId: tip.id, ref: tip.ref, informantId: informant.id, provider: ev.provider });
  return { outcome: "stored", tipId: tip.id, ref: tip.ref, messageId: id, newTip: tip.isNew };
}

export class AlreadyStored extends Error {
  constructor() {
    super("already stored");
  }
}

async function tipOfMessage(tx: Tx, ev: MessageEvent, informantId: string): Promise<ThreadedTip | undefined> {
  const [row] = await tx.$queryRaw<{ id: string; ref: string; flagged: boolean }[]>`
    SELECT t."id", t."ref", t."flagged" FROM "Message" m JOIN "Tip" t ON t."id" = m."tipId"
    WHERE m."provider" = ${ev.provider}::"Provider" AND m."providerMessageId" = ${ev.replyToProviderId!} AND m."informantId" = ${informantId}::uuid`;
  return row ? { ...row, isNew: false } : undefined;
}

export async function addAttachments(tx: Tx, messageId: string, provider: MessageEvent["provider"], media: MediaRef[]) {
  for (const m of media) {
    const id = crypto.randomUUID();
    await tx.$executeRaw`
      INSERT INTO "Attachment" ("id", "messageId", "provider", "providerRef", "mime", "filename", "expectedSha256", "durationSec", "fetchState", "createdAt", "updatedAt")
      VALUES (${id}::uuid, ${messageId}::uuid, ${provider}::"Provider", ${m.providerRef}, ${m.mime ?? "application/octet-stream"}, ${m.filename ?? null},
              ${m.expectedSha256 ?? null}, ${m.durationSec ?? null}, 'PENDING', now(), now())`;
    await enqueue(tx, "media.fetch", { attachmentId: id }, { dedupeKey: `media.fetch:${id}` });
  }
}
