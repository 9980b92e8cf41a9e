// WhatsApp Cloud API webhook → internal events. Every entry, change, message, status, call and
// error of one delivery becomes one event; nothing is dropped silently: an unknown or incomplete
// message becomes an UNSUPPORTED message with the provider's error, and an item the app cannot use
// at all (no id, no sender, no type) a FAILED event with the reason — never a rejection of the
// batch. Only changes for our configured phone_number_ids are taken. WhatsApp message and call ids
// carry the sender's number, so they leave here only as keyed hashes (hashProviderId).
import crypto from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";
import type { DeliveryStatus, MessageKind } from "../../generated/prisma/enums";
import { normaliseAddress } from "../../identity/address";
import { providerIdHashes } from "../../identity/crypto";
import { scrubIdentity } from "../../identity/scrub";
import { keep, META } from "../payload-allowlist";
import type { CallEvent, CallStatus, IngestEvent, MediaRef, Sender } from "../types";
import {
  MetaCall,
  MetaChangeValue,
  MetaMessage,
  MetaStatus,
  type MetaContact,
  type MetaError,
  type MetaWebhook,
} from "./schema";
import { clip } from "../../text/clip";
import { lookup } from "../lookup";

export class MetaInputError extends Error {}

/** A WhatsApp id as stored (its keyed hash) and its forms under previous peppers (during a rotation). */
function ids(raw: string) {
  const [hash, ...previous] = providerIdHashes(raw);
  return { hash, previous };
}

const STATUSES: Record<string, DeliveryStatus> = {
  sent: "SENT",
  delivered: "DELIVERED",
  read: "READ",
  played: "PLAYED",
  failed: "FAILED",
};
const MEDIA_KINDS: Record<string, MessageKind> = {
  image: "IMAGE",
  audio: "AUDIO",
  video: "VIDEO",
  document: "DOCUMENT",
  sticker: "STICKER",
};
/** Message types that carry no citizen content: recorded, never a tip. */
const NOTICES = new Set(["system", "request_welcome"]);

type Ctx = { now: Date; digest: string; at: string };

export function normaliseMeta(
  hook: MetaWebhook,
  rawDigest: string,
  phoneNumberIds: string[],
  now = new Date(),
): { events: IngestEvent[]; skipped: number } {
  const events: IngestEvent[] = [];
  let skipped = 0;
  hook.entry.forEach((entry, ei) =>
    entry.changes.forEach((change, ci) => {
      const parsed = MetaChangeValue.safeParse(change.value);
      const v = parsed.success ? parsed.data : undefined;
      const pnid = v?.metadata?.phone_number_id;
      if (!v || (change.field !== "messages" && change.field !== "calls") || !pnid || !phoneNumberIds.includes(pnid))
        return void skipped++;
      const contacts = v.contacts ?? [];
      const ctx = (kind: string, i: number): Ctx => ({ now, digest: rawDigest, at: `${ei}.${ci}.${kind}${i}` });
      (v.messages ?? []).forEach((m, i) =>
        events.push(item(m, ctx("m", i), MetaMessage, (x) => messageEvent(x, contacts, now))),
      );
      (v.statuses ?? []).forEach((s, i) => events.push(item(s, ctx("s", i), MetaStatus, (x) => statusEvent(x, now))));
      (v.calls ?? []).forEach((c, i) =>
        events.push(item(c, ctx("c", i), MetaCall, (x) => callEvent(x, contacts, now))),
      );
      (v.errors ?? []).forEach((err, i) =>
        events.push({
          type: "notice",
          provider: "META",
          kind: "error",
          externalId: `error:${rawDigest}:${ei}.${ci}.${i}`,
          at: now,
          payload: keep(err, META.error),
          reason: errorText([err]) || "webhook error",
        }),
      );
    }),
  );
  return { events, skipped };
}

/** One item, parsed on its own: what cannot be read becomes a FAILED event keyed by the delivery and position. */
function item<T>(
  raw: unknown,
  ctx: Ctx,
  schema: {
    safeParse(
      x: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  make: (x: T) => IngestEvent,
): IngestEvent {
  const parsed = schema.safeParse(raw);
  let reason: string;
  if (parsed.success) {
    try {
      return make(parsed.data);
    } catch (e) {
      if (!(e instanceof MetaInputError)) throw e;
      reason = e.message;
    }
  } else
    reason =
      "unreadable: " +
      parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.map(String).join(".") || "item"} ${i.message}`)
        .join("; ");
  return {
    type: "failed",
    provider: "META",
    kind: "unreadable",
    externalId: `failed:${ctx.digest}:${ctx.at}`,
    at: ctx.now,
    payload: keep(raw, META.unreadable),
    reason: scrubIdentity(reason),
  };
}

function messageEvent(m: MetaMessage, contacts: MetaContact[], now: Date): IngestEvent {
  const { hash: id, previous: previousKeys } = ids(m.id);
  const at = when(m.timestamp, now);
  const sender = senderOf(m.from_user_id, m.from, contacts);
  const payload = keep(m, META.message);
  if (NOTICES.has(m.type))
    return {
      type: "notice",
      provider: "META",
      kind: `message.${m.type}`,
      externalId: id,
      previousKeys,
      at,
      payload,
      reason: `no citizen content (${m.type})`,
    };
  const editOf =
    m.edit?.original_message_id ??
    (m.unsupported?.type === "edit" || m.unsupported?.type === "revoke" ? m.context?.id : undefined);
  const revokeOf = m.revoke?.original_message_id;
  if (m.type === "revoke" && revokeOf) {
    const target = ids(revokeOf);
    return {
      type: "edit",
      provider: "META",
      kind: "message.revoke",
      externalId: id,
      previousKeys,
      at,
      payload,
      sender,
      providerMessageId: target.hash,
      previousIds: target.previous,
      revoked: true,
    };
  }
  if ((m.type === "edit" || m.type === "unsupported") && editOf) {
    const body = m.edit?.message?.text?.body;
    const revoked = m.unsupported?.type === "revoke";
    const target = ids(editOf);
    return {
      type: "edit",
      provider: "META",
      kind: `message.${revoked ? "revoke" : "edit"}`,
      externalId: id,
      previousKeys,
      at,
      payload,
      sender,
      providerMessageId: target.hash,
      previousIds: target.previous,
      body,
      revoked,
    };
  }
  const content = body(m);
  const reason =
    content.messageKind === "UNSUPPORTED" ? content.reason : m.errors?.length ? errorText(m.errors) : undefined;
  const forwarded = m.context?.forwarded || m.context?.frequently_forwarded ? { forwarded: true } : {};
  const replyTo = content.replyToProviderId ?? m.context?.id;
  const replied = replyTo ? ids(replyTo) : undefined;
  return {
    type: "message",
    provider: "META",
    channel: "WHATSAPP",
    externalId: id,
    previousKeys,
    providerMessageId: id,
    kind: clip(`message.${m.type}`, 60),
    at,
    sender,
    payload,
    media: content.media ?? [],
    body: content.body ?? "",
    messageKind: content.messageKind,
    meta: { ...forwarded, ...content.meta },
    replyToProviderId: replied?.hash,
    replyToPrevious: replied?.previous,
    reason,
    threadOnly: content.threadOnly,
  };
}

type Content = {
  messageKind: MessageKind;
  body?: string;
  meta?: Prisma.InputJsonObject;
  media?: MediaRef[];
  replyToProviderId?: string;
  reason?: string;
  threadOnly?: boolean;
};

function body(m: MetaMessage): Content {
  const unsupported = (reason: string, threadOnly?: boolean): Content => ({
    messageKind: "UNSUPPORTED",
    meta: { type: clip(m.type, 40), reason },
    reason,
    threadOnly,
  });
  /** A content object Meta left out (it sends the reason in `errors`): shown as unsupported, not refused. */
  const missing = () =>
    unsupported(m.errors?.length ? errorText(m.errors) : `${clip(m.type, 40)} message without its content`);
  const mediaKind = lookup(MEDIA_KINDS, m.type);
  if (mediaKind) {
    const media = m[m.type as "image"];
    if (!media) return missing();
    const meta = {
      ...(media.voice !== undefined ? { voice: media.voice } : {}),
      ...(media.animated !== undefined ? { animated: media.animated } : {}),
    };
    return {
      messageKind: mediaKind,
      body: media.caption ?? "",
      meta,
      media: [{ providerRef: media.id, mime: media.mime_type, filename: media.filename, expectedSha256: media.sha256 }],
    };
  }
  switch (m.type) {
    case "text":
      return m.text ? { messageKind: "TEXT", body: m.text.body } : missing();
    case "location": {
      const l = m.location;
      if (!l) return missing();
      return {
        messageKind: "LOCATION",
        body: [l.name, l.address].filter(Boolean).join(", "),
        meta: {
          latitude: l.latitude,
          longitude: l.longitude,
          name: l.name ?? null,
          address: l.address ?? null,
          url: l.url ?? null,
        },
      };
    }
    case "contacts":
      if (!m.contacts) return missing();
      // Contacts the informant shares are tip content (third parties); their own card is masked later.
      return {
        messageKind: "CONTACTS",
        body: m.contacts
          .map((c) => c.name?.formatted_name ?? "")
          .filter(Boolean)
          .join(", "),
        meta: { contacts: m.contacts as Prisma.InputJsonArray },
      };
    case "interactive": {
      const i = m.interactive;
      if (!i) return missing();
      const reply = i.button_reply ?? i.list_reply;
      if (reply)
        return {
          messageKind: "INTERACTIVE",
          body: reply.title,
          meta: { type: i.type, id: reply.id, description: i.list_reply?.description ?? null },
        };
      if (i.nfm_reply)
        return {
          messageKind: "INTERACTIVE",
          body: i.nfm_reply.body ?? "",
          meta: { type: i.type, name: i.nfm_reply.name ?? null, response: i.nfm_reply.response_json ?? null },
        };
      return unsupported(`interactive reply "${clip(i.type, 40)}" not supported`);
    }
    case "button":
      return m.button
        ? {
            messageKind: "INTERACTIVE",
            body: m.button.text,
            meta: { type: "button", payload: m.button.payload ?? null },
          }
        : missing();
    case "reaction":
      if (!m.reaction) return missing();
      // An empty emoji means the informant removed their reaction.
      return {
        messageKind: "REACTION",
        body: m.reaction.emoji ?? "",
        replyToProviderId: m.reaction.message_id,
        meta: { emoji: m.reaction.emoji ?? "", removed: !m.reaction.emoji },
      };
    case "unsupported":
    case "unknown": {
      // An edit or deletion WhatsApp could not describe carries no content: never a new tip.
      const quiet = m.unsupported?.type === "edit" || m.unsupported?.type === "revoke";
      return unsupported(
        m.errors?.length ? errorText(m.errors) : "message type not supported by WhatsApp Cloud API",
        quiet || undefined,
      );
    }
    case "edit":
    case "revoke":
      return unsupported(`${m.type} of a message WhatsApp did not identify`, true);
    default:
      return unsupported(`message type "${clip(m.type, 40)}" not supported`);
  }
}

function statusEvent(s: MetaStatus, now: Date): IngestEvent {
  const { hash: id, previous } = ids(s.id);
  const raw = clip(s.status.toLowerCase(), 40);
  const base = {
    provider: "META" as const,
    externalId: `status:${id}:${raw}`,
    previousKeys: previous.map((p) => `status:${p}:${raw}`),
    at: when(s.timestamp, now),
    payload: keep(s, META.status),
  };
  // Call statuses (RINGING / ACCEPTED / REJECTED) are for calls a business places; we place none.
  if (s.type === "call")
    return { ...base, type: "notice", kind: `call.status.${raw}`, reason: "status of a call this desk did not place" };
  const status = lookup(STATUSES, raw);
  if (!status) return { ...base, type: "notice", kind: "status.unknown", reason: `unknown status "${raw}"` };
  return {
    ...base,
    type: "status",
    kind: `status.${raw}`,
    providerMessageId: id,
    previousIds: previous,
    status,
    error: s.errors?.length ? errorText(s.errors) : undefined,
  };
}

/** A WhatsApp call: `connect` when it rings, `terminate` with its outcome and duration. */
function callEvent(c: MetaCall, contacts: MetaContact[], now: Date): CallEvent {
  const { hash: callId, previous } = ids(c.id);
  const event = clip(c.event.toLowerCase(), 20);
  const outbound = (c.direction ?? "").toUpperCase() === "BUSINESS_INITIATED";
  const outcome = (c.status ?? "").toLowerCase();
  const duration =
    c.duration ??
    (c.start_time !== undefined && c.end_time !== undefined && c.end_time >= c.start_time
      ? c.end_time - c.start_time
      : undefined);
  const answered = event === "terminate" && outcome === "completed" && (duration ?? 0) > 0;
  const status: CallStatus = event === "terminate" ? (answered ? "answered" : "missed") : "ringing";
  return {
    type: "call",
    provider: "META",
    channel: "WHATSAPP",
    externalId: `call:${callId}:${event}`,
    previousKeys: previous.map((p) => `call:${p}:${event}`),
    previousIds: previous,
    kind: `call.${event}`,
    at: when(c.timestamp, now),
    callId,
    // The informant is the caller of a call they place, the callee of one we would place.
    sender: outbound ? undefined : senderOf(c.from_user_id, c.from, contacts),
    direction: outbound ? "OUTBOUND" : "INBOUND",
    status,
    providerStatus: outcome || event,
    durationSec: duration !== undefined ? Math.round(duration) : undefined,
    payload: keep(c, META.call),
  };
}

/** The business-scoped user id when there is one (stable even when the number is hidden), else the number; the contact's name only from the contact that is this sender. */
function senderOf(userId: string | undefined, from: string | undefined, contacts: MetaContact[]): Sender {
  const matches = (c: MetaContact) => (!!userId && c.user_id === userId) || (!!from && c.wa_id === from);
  const contact = contacts.find(matches) ?? (!userId && !from && contacts.length === 1 ? contacts[0] : undefined);
  const bsuid = userId ?? contact?.user_id;
  const phone = from ?? contact?.wa_id;
  const address = (bsuid && normaliseAddress("bsuid", bsuid)) || (phone && normaliseAddress("wa_id", phone));
  if (!address) throw new MetaInputError("no usable sender id");
  const also = bsuid && phone ? normaliseAddress("wa_id", phone) : null;
  return { address, ...(also && also.kind !== address.kind ? { also: [also] } : {}), name: contact?.profile?.name };
}

function when(ts: number, now: Date) {
  const t = new Date(ts * 1000);
  return t > now ? now : t;
}

export function errorText(errors: MetaError[]) {
  const text = errors
    .map((e) =>
      [e.code, e.title, e.error_data?.details ?? (e.message !== e.title ? e.message : undefined)]
        .filter((x) => x !== undefined && x !== "")
        .join(" "),
    )
    .join("; ");
  return scrubIdentity(text);
}

export function digest(raw: Buffer) {
  return crypto.createHash("sha256").update(raw).digest("hex").slice(0, 32);
}
