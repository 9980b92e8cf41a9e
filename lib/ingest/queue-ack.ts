// The automatic acknowledgement a new tip gets: one bilingual reply with the tip ref, that the
// identity is kept secret and that the team is acting. It is stored as a QUEUED outbound message
// in the tip's transaction and sent by the `outbound.send` job (lib/jobs), so a slow or failing
// provider never blocks or undoes ingestion; the message id is `local:<uuid>` until the provider
// returns its own. For a new tip `ref` is still the pending ref here; finishIngest replaces it in
// the stored text when it numbers the tip, in the same transaction.
import "server-only";
import crypto from "node:crypto";
import type { Tx } from "../db";
import type { Provider } from "../generated/prisma/enums";
import { env } from "../env";
import { enqueue } from "../jobs/queue";

const DEFAULT_HI =
  "धन्यवाद। आपकी सूचना दर्ज कर ली गई है, संदर्भ संख्या {ref}। आपकी पहचान पूरी तरह गोपनीय रखी जाएगी। हमारी टीम इस पर कार्रवाई कर रही है।";
const DEFAULT_EN =
  "Thank you. Your information has been recorded with reference {ref}. Your identity will be kept strictly secret. Our team is acting on it.";

export function ackText(ref: string) {
  const e = env();
  const hi = (e.ACK_TEXT_HI || DEFAULT_HI).replaceAll("{ref}", ref);
  const en = (e.ACK_TEXT_EN || DEFAULT_EN).replaceAll("{ref}", ref);
  // A configured text without the placeholder still tells the informant their ref.
  const withRef = (s: string) => (s.includes(ref) ? s : `${s} (${ref})`);
  return `${withRef(hi)}\n\n${withRef(en)}`;
}

/** Queues the acknowledgement and returns its message id (the caller publishes it with its other events). */
export async function queueAck(tx: Tx, t: { tipId: string; ref: string; informantId: string; provider: Provider }) {
  const id = crypto.randomUUID();
  await tx.$executeRaw`
    WITH counted AS (UPDATE "Tip" SET "messageCount" = "messageCount" + 1 WHERE "id" = ${t.tipId}::uuid)
    INSERT INTO "Message" ("id", "tipId", "informantId", "direction", "kind", "body", "meta", "provider", "providerMessageId", "deliveryStatus", "sentAt", "createdAt", "updatedAt")
    VALUES (${id}::uuid, ${t.tipId}::uuid, ${t.informantId}::uuid, 'OUTBOUND', 'TEXT', ${ackText(t.ref)}, ${JSON.stringify({ auto: "ack" })}::jsonb,
            ${t.provider}::"Provider", ${"local:" + id}, 'QUEUED', now(), now(), now())`;
  await enqueue(tx, "outbound.send", { messageId: id }, { dedupeKey: `outbound.send:${id}` });
  return id;
}
