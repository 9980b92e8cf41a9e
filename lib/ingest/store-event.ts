// Every normalised event is stored by ONE statement, which is its own transaction: the SQL entry
// point for its type (prisma/functions/ingest_message.sql, ingest_call, ingest_status, ingest_edit,
// ingest_notice), all built from the same pieces (record_event, upsert_informant, new_tip,
// add_attachments, enqueue_job, emit_live). One round trip, no client waiting while a lock is held.
// Everything that needs a secret or Unicode rules happens here first: keyed hashes, encryption,
// alias candidates, preview and search text, entities minus the informant's own number, the
// acknowledgement text. The database never sees an address or a name in the clear.
import "server-only";
import { raw } from "../db";
import { env } from "../env";
import { entitiesToIndex } from "../entities/index-tip-entities";
import { refreshGazetteer } from "../entities/current-gazetteer";
import { geoEntities } from "../entities/geo-cell";
import { indexTerms } from "../search/keys";
import { messageWatchKeys } from "../watch/match";
import { addressHashes, hashAddress } from "../identity/crypto";
import { aliasCandidates } from "../identity/alias";
import { istYear } from "../time/ist";
import { preview, searchText, threadSince } from "./tip-text";
import { ackText } from "./ack-text";
import { informantInput, senderAddresses } from "./upsert-informant";
import type { CallEvent, EditEvent, IngestEvent, IngestResult, MediaRef } from "./types";

/** The SQLSTATE ingest_message raises when the provider message id is already stored under another event key. */
const ALREADY_STORED = "MKDUP";

type Row = {
  outcome: IngestResult["outcome"];
  tip_id: string | null;
  ref: string | null;
  message_id: string | null;
  new_tip: boolean;
  reason: string | null;
};

export async function storeEvent(ev: IngestEvent): Promise<IngestResult> {
  // Entities and watch keys are computed here, outside the statement: with the admin's latest gazetteer (ADR 0704).
  if (ev.type === "message") await refreshGazetteer();
  const [fn, input] = entryPoint(ev);
  try {
    // Bounded by the webhook deadline (plus a margin): a statement the route gave up on releases its connection.
    const [row] = await raw().query<Row>(`SELECT * FROM mukhbir_internal.${fn}($1::jsonb)`, [JSON.stringify(input)], {
      timeoutMs: env().WEBHOOK_DEADLINE_MS + 1_000,
    });
    if (row.outcome !== "stored")
      return {
        outcome: row.outcome,
        tipId: row.tip_id ?? undefined,
        ref: row.ref ?? undefined,
        messageId: row.message_id ?? undefined,
      };
    return { outcome: "stored", tipId: row.tip_id!, ref: row.ref!, messageId: row.message_id!, newTip: row.new_tip };
  } catch (e) {
    // The same provider message under another event key (e.g. a re-batched delivery): already stored, nothing changed.
    if ((e as { code?: string }).code === ALREADY_STORED) return { outcome: "duplicate" };
    throw e;
  }
}

function entryPoint(ev: IngestEvent): [string, Record<string, unknown>] {
  switch (ev.type) {
    case "message":
      return ["ingest_message", messageInput(ev)];
    case "call":
      return ["ingest_call", callInput(ev)];
    case "status":
      return [
        "ingest_status",
        {
          ...eventKeys(ev),
          providerMessageIds: [ev.providerMessageId, ...(ev.previousIds ?? [])],
          status: ev.status,
          error: ev.error ?? null,
        },
      ];
    case "edit":
      return ["ingest_edit", editInput(ev)];
    case "notice":
      // A provider-reported error is FAILED; anything else we cannot place is IGNORED, with the reason.
      return [
        "ingest_notice",
        { ...eventKeys(ev), eventStatus: ev.kind === "error" ? "FAILED" : "IGNORED", reason: ev.reason },
      ];
    case "failed":
      return ["ingest_notice", { ...eventKeys(ev), eventStatus: "FAILED", reason: ev.reason }];
  }
}

/** What record_event needs of any event. */
function eventKeys(ev: IngestEvent) {
  return {
    provider: ev.provider,
    externalId: ev.externalId,
    previousKeys: ev.previousKeys ?? [],
    kind: ev.kind,
    payload: ev.payload,
    repairs: ev.repairs ?? 0,
  };
}

function media(list: MediaRef[]) {
  return list.map((m) => ({
    providerRef: m.providerRef,
    mime: m.mime ?? null,
    filename: m.filename ?? null,
    expectedSha256: m.expectedSha256 ?? null,
    durationSec: m.durationSec ?? null,
  }));
}

function messageInput(ev: Extract<IngestEvent, { type: "message" }>) {
  const informant = informantInput(ev.sender);
  const text = ev.messageKind === "REACTION" ? "" : ev.body.trim();
  return {
    ...eventKeys(ev),
    reason: ev.reason ?? null,
    threadOnly: ev.threadOnly ?? false,
    ...informant,
    channel: ev.channel,
    at: ev.at.toISOString(),
    since: threadSince(ev.at).toISOString(),
    year: istYear(ev.at),
    messageKind: ev.messageKind,
    body: ev.body,
    meta: ev.meta ?? null,
    providerMessageId: ev.providerMessageId,
    replyTo: ev.replyToProviderId ?? null,
    replyToPrevious: ev.replyToPrevious ?? [],
    preview: text ? preview(text) : "",
    search: text ? searchText(text) : "",
    media: media(ev.media),
    // A shared location's grid cell is an entity too (hot spots, network; ADR 0705).
    entities: [...(text ? entitiesToIndex(ev.body, informant.hash) : []), ...geoEntities(ev.messageKind, ev.meta)],
    terms: text ? indexTerms(text) : null,
    // Watch items hit when all their keys are here (lib/watch/match.ts); the informant's own number is never one.
    watchKeys: text ? messageWatchKeys(ev.body, informant.hash) : [],
    // The function puts the tip's ref where {{ref}} stands once it has numbered the tip.
    ack: env().ACK_ENABLED ? ackText("{{ref}}") : null,
  };
}

function callInput(ev: CallEvent) {
  // An unconfirmed call is filed under an informant of its own, keyed by the call (ADR 0211): the
  // number it claimed is never used, stored or matched.
  const informant = ev.unverified
    ? {
        ids: [{ hash: hashAddress(`unverified-call:${ev.provider}:${ev.callId}`), cipher: null }],
        addressCipher: null,
        nameCipher: null,
        keyId: "none",
        pepperId: null,
        aliases: aliasCandidates(),
      }
    : ev.sender
      ? informantInput(ev.sender)
      : { ids: null };
  return {
    ...eventKeys(ev),
    ...informant,
    channel: ev.channel ?? "VOICE",
    at: ev.at.toISOString(),
    since: threadSince(ev.at).toISOString(),
    year: istYear(ev.at),
    callId: ev.callId,
    callPrevious: ev.previousIds ?? [],
    direction: ev.direction,
    status: ev.status ?? null,
    providerStatus: ev.providerStatus ?? null,
    durationSec: ev.durationSec ?? null,
    digits: ev.digits ?? null,
    voicemail: ev.voicemail ?? false,
    unverified: ev.unverified ?? null,
    media: media(ev.recording ? [ev.recording] : []),
  };
}

function editInput(ev: EditEvent) {
  const body = ev.revoked ? null : (ev.body ?? null);
  return {
    ...eventKeys(ev),
    providerMessageIds: [ev.providerMessageId, ...(ev.previousIds ?? [])],
    senderHashes: senderAddresses(ev.sender).flatMap((a) => addressHashes(a)),
    body,
    revoked: ev.revoked ?? false,
    search: body ? searchText(body) : "",
    terms: body ? indexTerms(body) : null,
    at: ev.at.toISOString(),
  };
}
