// The one internal shape every provider webhook is normalised into before it touches the database.
// Parsers (meta/, twilio/, exotel/) produce these; ingest-event.ts stores them. Identity lives only
// in `sender` (canonical address + profile name) and is hashed/encrypted on the way in; `payload`
// is the provider's item with identity fields removed, which is what WebhookEvent stores.
import type { Prisma } from "../generated/prisma/client";
import type { Channel, DeliveryStatus, MessageKind, Provider } from "../generated/prisma/enums";
import type { Address } from "../identity/address";

/** `address`: the identifier we match and reply by; `also`: other identifiers of the same person seen with it (a number beside a user id). */
export type Sender = { address: Address; also?: Address[]; name?: string };

export type MediaRef = {
  /** WhatsApp media id, or the Twilio/Exotel media or recording URL. */
  providerRef: string;
  mime?: string;
  filename?: string;
  expectedSha256?: string;
  durationSec?: number;
};

type Base = {
  provider: Provider;
  /** Unique per provider: the WebhookEvent key that makes redeliveries no-ops. */
  externalId: string;
  /** e.g. `message.image`, `status.read`, `call.status`, `error`. */
  kind: string;
  at: Date;
  /** What the app keeps of what the provider sent: allowlisted fields only (payload-allowlist.ts). */
  payload: Prisma.InputJsonValue;
  /** Characters replaced and values cut on the way in (lib/ingest/sanitise.ts), recorded on the event. */
  repairs?: number;
  /** The event key under previous peppers (during a rotation): a redelivery stored before it is still a duplicate. */
  previousKeys?: string[];
};

export type MessageEvent = Base & {
  type: "message";
  channel: Channel;
  sender: Sender;
  providerMessageId: string;
  messageKind: MessageKind;
  body: string;
  meta?: Prisma.InputJsonObject;
  /** Reactions and replies: the provider id of the message referred to. */
  replyToProviderId?: string;
  /** The same under previous peppers (during a rotation). */
  replyToPrevious?: string[];
  media: MediaRef[];
  /** Why the content could not be shown (unsupported type, provider error); recorded on the event. */
  reason?: string;
  /**
   * No citizen content (a system notice, an edit WhatsApp sent without its text): joins the
   * informant's open tip if there is one, but never opens a tip or sends an acknowledgement.
   */
  threadOnly?: boolean;
};

/** The informant edited (new `body`) or deleted one of their messages; the original stays in its history. */
export type EditEvent = Base & {
  type: "edit";
  sender: Sender;
  /** The edited message's id as stored (hashed for WhatsApp), and under previous peppers. */
  providerMessageId: string;
  previousIds?: string[];
  body?: string;
  revoked?: boolean;
};

export type CallStatus = "ringing" | "answered" | "missed" | "voicemail";

export type CallEvent = Base & {
  type: "call";
  /** WHATSAPP for a WhatsApp call (Business Calling API); VOICE (default) for the phone line. */
  channel?: Channel;
  /** The call id under previous peppers (a WhatsApp call id is hashed; during a rotation). */
  previousIds?: string[];
  /** Absent on callbacks that carry no caller (Twilio recording status): those extend a known call only. */
  sender?: Sender;
  callId: string;
  direction: "INBOUND" | "OUTBOUND";
  status?: CallStatus;
  providerStatus?: string;
  durationSec?: number;
  digits?: string;
  recording?: MediaRef;
  /** The recording is a message left for the desk (nobody answered), not a recorded conversation. */
  voicemail?: boolean;
  /** Exotel did not confirm the call (unknown to its API, or unreachable to the last try): never threaded (ADR 0211). */
  unverified?: "unknown" | "unreachable";
};

export type StatusEvent = Base & {
  type: "status";
  providerMessageId: string;
  /** The same id under previous peppers (during a rotation). */
  previousIds?: string[];
  status: DeliveryStatus;
  error?: string;
};

/** Something worth recording that belongs to no informant (e.g. a webhook-level error). */
export type NoticeEvent = Base & { type: "notice"; reason: string };

/** A signed item that can never be stored (no usable id, sender or type): recorded as FAILED, acknowledged. */
export type FailedEvent = Base & { type: "failed"; reason: string };

export type IngestEvent = MessageEvent | EditEvent | CallEvent | StatusEvent | NoticeEvent | FailedEvent;

export type IngestResult = {
  outcome: "stored" | "duplicate" | "ignored" | "failed";
  tipId?: string;
  ref?: string;
  messageId?: string;
  newTip?: boolean;
};
