// An inbound message, stored by one SQL statement that is its own transaction:
// `mukhbir_internal.ingest_message` (migration 20261201000000_ingest_message_function, ADR 0120)
// records the webhook event, finds or creates the informant by keyed hash, threads the tip or opens
// and numbers a new one, inserts the message, its attachments and fetch jobs, the entities, the
// acknowledgement and its send job, and queues the live events. Everything that needs a secret or
// Unicode rules happens here first: the keyed hash, the encryption, the alias candidates, the
// preview and search text, the entities minus the informant's own number, the acknowledgement text.
import "server-only";
import { raw } from "../db";
import { env } from "../env";
import { entitiesToIndex } from "../entities/index-tip-entities";
import { refYear } from "../tips/allocate-ref";
import { preview, searchText, threadSince } from "./thread-tip";
import { ackText } from "./ack-text";
import { informantInput } from "./upsert-informant";
import type { IngestResult, MessageEvent } from "./types";

/** The SQLSTATE the function raises when the provider message id is already stored under another event key. */
const ALREADY_STORED = "MKDUP";

type Row = { outcome: "stored" | "duplicate" | "ignored"; tip_id: string | null; ref: string | null; message_id: string | null; new_tip: boolean };

export async function storeMessage(ev: MessageEvent): Promise<IngestResult> {
  try {
    const [row] = await raw().query<Row>("SELECT * FROM mukhbir_internal.ingest_message($1::jsonb)", [JSON.stringify(functionInput(ev))]);
    if (row.outcome !== "stored") return { outcome: row.outcome };
    return { outcome: "stored", tipId: row.tip_id!, ref: row.ref!, messageId: row.message_id!, newTip: row.new_tip };
  } catch (e) {
    // The same provider message under another event key (e.g. a re-batched delivery): already stored, nothing changed.
    if ((e as { code?: string }).code === ALREADY_STORED) return { outcome: "duplicate" };
    throw e;
  }
}

function functionInput(ev: MessageEvent) {
  const e = env();
  const informant = informantInput(ev.sender);
  const reaction = ev.messageKind === "REACTION";
  const text = reaction ? "" : ev.body.trim();
  return {
    provider: ev.provider,
    externalId: ev.externalId,
    kind: ev.kind,
    payload: ev.payload,
    reason: ev.reason ?? null,
    repairs: ev.repairs ?? 0,
    threadOnly: ev.threadOnly ?? false,
    ...informant,
    channel: ev.channel,
    at: ev.at.toISOString(),
    since: threadSince(ev.at).toISOString(),
    year: refYear(ev.at),
    messageKind: ev.messageKind,
    body: ev.body,
    meta: ev.meta ?? null,
    providerMessageId: ev.providerMessageId,
    replyTo: ev.replyToProviderId ?? null,
    // During a pepper rotation: the same ids under previous peppers (lib/identity/crypto.ts providerIdHashes).
    replyToPrevious: ev.replyToPrevious ?? [],
    previousKeys: ev.previousKeys ?? [],
    preview: text ? preview(text) : "",
    search: text ? searchText(text) : "",
    media: ev.media.map((m) => ({
      providerRef: m.providerRef, mime: m.mime ?? null, filename: m.filename ?? null, expectedSha256: m.expectedSha256 ?? null, durationSec: m.durationSec ?? null,
    })),
    entities: text ? entitiesToIndex(ev.body, informant.hash) : [],
    // The function puts the tip's ref where {{ref}} stands once it has numbered the tip.
    ack: e.ACK_ENABLED ? ackText("{{ref}}") : null,
  };
}
