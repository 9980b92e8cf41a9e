// An informant edited or deleted one of their messages. The message shows the new text (or that
// it was deleted) and keeps every earlier version in its history (`meta.history`), so the desk
// never loses what was first reported. Only the author's own message can be changed: the edit's
// sender must be one of the identifiers of the message's informant. Nothing opens a tip.
import "server-only";
import type { Tx } from "../db";
import { addressHashes } from "../identity/crypto";
import { publish } from "../live/bus";
import { touchTip } from "./thread-tip";
import { senderAddresses } from "./upsert-informant";
import type { EditEvent, IngestResult } from "./types";

type Row = { id: string; tipId: string; ref: string; body: string; meta: Record<string, unknown> | null };

export async function applyEdit(tx: Tx, ev: EditEvent): Promise<IngestResult & { reason?: string }> {
  const hashes = senderAddresses(ev.sender).flatMap((a) => addressHashes(a));
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT m."id", m."tipId", t."ref", m."body", m."meta" FROM "Message" m JOIN "Tip" t ON t."id" = m."tipId"
    WHERE m."provider" = ${ev.provider}::"Provider" AND m."providerMessageId" = ANY(${[ev.providerMessageId, ...(ev.previousIds ?? [])]}::text[]) AND m."direction" = 'INBOUND'
      AND EXISTS (SELECT 1 FROM "InformantIdentifier" i WHERE i."informantId" = m."informantId" AND i."hash" = ANY(${hashes}::text[]))
    FOR UPDATE OF m`;
  if (!row) return { outcome: "ignored", reason: `${ev.revoked ? "deletion" : "edit"} of a message we do not have` };
  const meta = row.meta ?? {};
  const history = Array.isArray(meta.history) ? meta.history : [];
  const at = ev.at.toISOString();
  const next = ev.revoked
    ? { ...meta, revoked: true, revokedAt: at }
    : { ...meta, edited: true, history: [...history, { body: row.body, until: at }].slice(-20) };
  const body = !ev.revoked && ev.body !== undefined ? ev.body : row.body;
  await tx.$executeRaw`UPDATE "Message" SET "body" = ${body}, "meta" = ${JSON.stringify(next)}::jsonb, "updatedAt" = now() WHERE "id" = ${row.id}::uuid`;
  // The new words are searchable too (the old ones stay searchable: the history is evidence).
  if (body !== row.body) await touchTip(tx, row.tipId, { at: ev.at, inbound: true, messages: 0, media: 0, text: body });
  await publish(tx, { type: "message.updated", tipId: row.tipId, ref: row.ref, messageId: row.id });
  return { outcome: "stored", tipId: row.tipId, ref: row.ref, messageId: row.id };
}
