// An inbound message in one transaction (the caller's): informant by keyed hash, the tip it
// threads into, the message (unique per provider + provider message id), its attachments and their
// fetch jobs, the acknowledgement for a new tip, and the live events — all committed together.
// Every statement is a round trip while the transaction holds its locks, so related writes are
// folded into one statement where that stays readable; finishIngest is always the last one.
import "server-only";
import crypto from "node:crypto";
import type { Tx } from "../db";
import { env } from "../env";
import { enqueue } from "../jobs/queue";
import { upsertInformant, type InformantRow } from "./upsert-informant";
import { threadTip, touchTipSql, type ThreadedTip } from "./thread-tip";
import { queueAck } from "./queue-ack";
import { finishIngest, type BusEvent } from "./finish-ingest";
import { indexTipEntities } from "../entities/index-tip-entities";
import type { IngestResult, MediaRef, MessageEvent } from "./types";

export async function storeMessage(tx: Tx, ev: MessageEvent): Promise<IngestResult> {
  const informant = await upsertInformant(tx, ev.sender, ev.channel, ev.at);
  // A reaction belongs with the message it reacts to, even when that tip is outside the window.
  const tip = (ev.messageKind === "REACTION" && ev.replyToProviderId && (await tipOfMessage(tx, ev, informant.id))) || (await threadTip(tx, informant, ev.channel, ev.at));
  const id = await insertMessage(tx, ev, informant, tip);
  // The same provider message under another event key (e.g. a re-batched delivery): already stored.
  // The transaction is rolled back by the caller so the informant/tip touches leave no trace.
  if (!id) throw new AlreadyStored();
  await addAttachments(tx, id, ev.provider, ev.media);
  // Vehicles and third-party numbers mentioned in the text (never the informant's own number).
  if (ev.messageKind !== "REACTION" && ev.body) await indexTipEntities(tx, tip.id, ev.body);
  const flagged = informant.blocked || undefined;
  const events: BusEvent[] = [];
  if (tip.isNew) events.push({ type: "tip.created", tipId: tip.id, ref: tip.ref, flagged });
  events.push({ type: "message.created", tipId: tip.id, ref: tip.ref, messageId: id, direction: "INBOUND", flagged });
  if (tip.isNew && env().ACK_ENABLED && !informant.blocked) {
    const ackId = await queueAck(tx, { tipId: tip.id, ref: tip.ref, informantId: informant.id, provider: ev.provider });
    events.push({ type: "message.created", tipId: tip.id, ref: tip.ref, messageId: ackId, direction: "OUTBOUND" });
  }
  await finishIngest(tx, tip, events);
  // A new tip's ref exists only after COMMIT (ingestEvent reads it then).
  return { outcome: "stored", tipId: tip.id, ref: tip.isNew ? undefined : tip.ref, messageId: id, newTip: tip.isNew };
}

/** The message and the tip's counters/preview in one statement; undefined when the provider id is already stored. */
async function insertMessage(tx: Tx, ev: MessageEvent, informant: InformantRow, tip: ThreadedTip) {
  const id = crypto.randomUUID();
  const touch = touchTipSql(tip.id, {
    at: ev.at, inbound: true, messages: 1, media: ev.media.length, text: ev.messageKind === "REACTION" ? "" : ev.body, flag: informant.blocked,
  });
  // The tip is touched even when the insert hits a duplicate: that case throws and rolls back.
  const [inserted] = await tx.$queryRaw<{ id: string }[]>`
    WITH touched AS (${touch})
    INSERT INTO "Message" ("id", "tipId", "informantId", "direction", "kind", "body", "meta", "provider", "providerMessageId", "replyToProviderId", "deliveryStatus", "sentAt", "createdAt", "updatedAt")
    VALUES (${id}::uuid, ${tip.id}::uuid, ${informant.id}::uuid, 'INBOUND', ${ev.messageKind}::"MessageKind", ${ev.body}, ${ev.meta ? JSON.stringify(ev.meta) : null}::jsonb,
            ${ev.provider}::"Provider", ${ev.providerMessageId}, ${ev.replyToProviderId ?? null}, 'RECEIVED', ${ev.at}, now(), now())
    ON CONFLICT ("provider", "providerMessageId") DO NOTHING
    RETURNING "id"`;
  return inserted?.id;
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
