// WhatsApp Cloud API webhook → internal events. Every entry, change, message, status and error of
// one delivery becomes one event; nothing is dropped silently (unknown types become UNSUPPORTED
// messages with the reason). Only changes for our configured phone_number_ids are taken.
import crypto from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";
import type { DeliveryStatus, MessageKind } from "../../generated/prisma/enums";
import { normaliseAddress } from "../../identity/address";
import { redact } from "../redact";
import type { IngestEvent, MediaRef, MessageEvent, Sender } from "../types";
import type { MetaContact, MetaError, MetaMessage, MetaWebhook } from "./schema";

export class MetaInputError extends Error {}

const STATUSES: Record<string, DeliveryStatus> = { sent: "SENT", delivered: "DELIVERED", read: "READ", played: "PLAYED", failed: "FAILED" };
const MEDIA_KINDS: Record<string, MessageKind> = { image: "IMAGE", audio: "AUDIO", video: "VIDEO", document: "DOCUMENT", sticker: "STICKER" };

export function normaliseMeta(hook: MetaWebhook, rawDigest: string, phoneNumberIds: string[], now = new Date()): { events: IngestEvent[]; skipped: number } {
  const events: IngestEvent[] = [];
  let skipped = 0;
  hook.entry.forEach((entry, ei) =>
    entry.changes.forEach((change, ci) => {
      const v = change.value;
      const pnid = v.metadata?.phone_number_id;
      if (change.field !== "messages" || !pnid || !phoneNumberIds.includes(pnid)) return void skipped++;
      for (const m of v.messages ?? []) events.push(messageEvent(m, v.contacts ?? [], now));
      for (const s of v.statuses ?? []) {
        const status = STATUSES[s.status];
        const base = { provider: "META" as const, externalId: `status:${s.id}:${s.status}`, at: when(s.timestamp, now), payload: redact(s) };
        events.push(
          status
            ? { ...base, type: "status", kind: `status.${s.status}`, providerMessageId: s.id, status, error: s.errors?.length ? errorText(s.errors) : undefined }
            : { ...base, type: "notice", kind: "status.unknown", reason: `unknown status "${s.status.slice(0, 40)}"` },
        );
      }
      (v.errors ?? []).forEach((err, i) =>
        events.push({ type: "notice", provider: "META", kind: "error", externalId: `error:${rawDigest}:${ei}.${ci}.${i}`, at: now, payload: redact(err), reason: errorText([err]) }),
      );
    }),
  );
  return { events, skipped };
}

function messageEvent(m: MetaMessage, contacts: MetaContact[], now: Date): MessageEvent {
  const base = {
    type: "message" as const,
    provider: "META" as const,
    channel: "WHATSAPP" as const,
    externalId: m.id,
    providerMessageId: m.id,
    kind: `message.${m.type}`,
    at: when(m.timestamp, now),
    sender: sender(m, contacts),
    payload: redact(m),
    replyToProviderId: m.context?.id,
    media: [] as MediaRef[],
    body: "",
  };
  const forwarded = m.context?.forwarded || m.context?.frequently_forwarded ? { forwarded: true } : {};
  const content = body(m);
  const reason = content.messageKind === "UNSUPPORTED" ? content.reason : m.errors?.length ? errorText(m.errors) : undefined;
  return { ...base, ...content, meta: { ...forwarded, ...content.meta }, reason };
}

function body(m: MetaMessage): { messageKind: MessageKind; body?: string; meta?: Prisma.InputJsonObject; media?: MediaRef[]; replyToProviderId?: string; reason?: string } {
  const unsupported = (reason: string) => ({ messageKind: "UNSUPPORTED" as const, meta: { type: m.type.slice(0, 40), reason }, reason });
  const mediaKind = MEDIA_KINDS[m.type];
  if (mediaKind) {
    const media = m[m.type as "image"];
    if (!media) throw new MetaInputError(`${m.type} message without its ${m.type} object`);
    const meta = { ...(media.voice !== undefined ? { voice: media.voice } : {}), ...(media.animated !== undefined ? { animated: media.animated } : {}) };
    return { messageKind: mediaKind, body: media.caption ?? "", meta, media: [{ providerRef: media.id, mime: media.mime_type, filename: media.filename, expectedSha256: media.sha256 }] };
  }
  switch (m.type) {
    case "text":
      if (!m.text) throw new MetaInputError("text message without text");
      return { messageKind: "TEXT", body: m.text.body };
    case "location": {
      const l = m.location;
      if (!l) throw new MetaInputError("location message without location");
      return { messageKind: "LOCATION", body: [l.name, l.address].filter(Boolean).join(", "), meta: { latitude: l.latitude, longitude: l.longitude, name: l.name ?? null, address: l.address ?? null, url: l.url ?? null } };
    }
    case "contacts":
      if (!m.contacts) throw new MetaInputError("contacts message without contacts");
      // Contacts the informant shares are tip content (third parties), kept as sent.
      return { messageKind: "CONTACTS", body: m.contacts.map((c) => c.name?.formatted_name ?? "").filter(Boolean).join(", "), meta: { contacts: m.contacts as Prisma.InputJsonArray } };
    case "interactive": {
      const i = m.interactive;
      if (!i) throw new MetaInputError("interactive message without interactive");
      const reply = i.button_reply ?? i.list_reply;
      if (reply) return { messageKind: "INTERACTIVE", body: reply.title, meta: { type: i.type, id: reply.id, description: i.list_reply?.description ?? null } };
      if (i.nfm_reply) return { messageKind: "INTERACTIVE", body: i.nfm_reply.body ?? "", meta: { type: i.type, name: i.nfm_reply.name ?? null, response: i.nfm_reply.response_json ?? null } };
      return unsupported(`interactive reply "${i.type.slice(0, 40)}" not supported`);
    }
    case "button":
      if (!m.button) throw new MetaInputError("button message without button");
      return { messageKind: "INTERACTIVE", body: m.button.text, meta: { type: "button", payload: m.button.payload ?? null } };
    case "reaction":
      if (!m.reaction) throw new MetaInputError("reaction message without reaction");
      // An empty emoji means the informant removed their reaction.
      return { messageKind: "REACTION", body: m.reaction.emoji ?? "", replyToProviderId: m.reaction.message_id, meta: { emoji: m.reaction.emoji ?? "", removed: !m.reaction.emoji } };
    case "unsupported":
    case "unknown":
      return unsupported(m.errors?.length ? errorText(m.errors) : "message type not supported by WhatsApp Cloud API");
    default:
      return unsupported(`message type "${m.type.slice(0, 40)}" not supported`);
  }
}

/** Prefer the business-scoped user id (stable even when the number is hidden), else the number. */
function sender(m: MetaMessage, contacts: MetaContact[]): Sender {
  const contact = contacts.find((c) => (m.from_user_id && c.user_id === m.from_user_id) || (m.from && c.wa_id === m.from)) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const bsuid = m.from_user_id ?? contact?.user_id;
  const address = (bsuid && normaliseAddress("bsuid", bsuid)) || (m.from && normaliseAddress("wa_id", m.from)) || (contact?.wa_id && normaliseAddress("wa_id", contact.wa_id));
  if (!address) throw new MetaInputError("message without a usable sender id");
  return { address, name: contact?.profile?.name };
}

function when(ts: string, now: Date) {
  const t = new Date(Number(ts) * 1000);
  return t > now ? now : t;
}

export function errorText(errors: MetaError[]) {
  return errors
    .map((e) => [e.code, e.title, e.error_data?.details ?? (e.message !== e.title ? e.message : undefined)].filter((x) => x !== undefined && x !== "").join(" "))
    .join("; ")
    .slice(0, 500);
}

export function digest(raw: Buffer) {
  return crypto.createHash("sha256").update(raw).digest("hex").slice(0, 32);
}
