// What a webhook event keeps of the provider's payload (WebhookEvent.payload): an allowlist per
// provider and event type — only fields the desk or an administrator needs and that carry no
// identity. Everything else is dropped, including fields a provider adds tomorrow. Ids that can
// carry identity (WhatsApp message and call ids) are never kept; message content lives in the
// Message row, not here. Provider texts (error messages and details) are kept scrubbed
// (lib/identity/scrub.ts). The walk follows the shape, so its depth is the shape's, never the input's.
import type { Prisma } from "../generated/prisma/client";
import { scrubIdentity } from "../identity/scrub";

/** `token`: a number, boolean or short code kept as is; `text`: provider prose, scrubbed; else a nested shape or `[shape]` for arrays. */
export type Shape = { readonly [key: string]: "token" | "text" | Shape | readonly [Shape] };

const MAX_ITEMS = 20;

function isShape(x: unknown): x is Shape {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function token(v: unknown): Prisma.InputJsonValue | undefined {
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string" && v.length <= 64 && /^[\w .,:/;=+-]*$/.test(v)) return v;
  return undefined;
}

/** The allowed part of `value`, or an empty object. */
export function keep(value: unknown, shape: Shape): Prisma.InputJsonObject {
  const out: Record<string, Prisma.InputJsonValue> = {};
  if (!isShape(value)) return out;
  const src = value as Record<string, unknown>;
  for (const [key, rule] of Object.entries(shape)) {
    if (!Object.prototype.hasOwnProperty.call(src, key)) continue;
    const v = src[key];
    let kept: Prisma.InputJsonValue | undefined;
    if (rule === "token") kept = token(v);
    else if (rule === "text") kept = typeof v === "string" ? scrubIdentity(v) : undefined;
    else if (Array.isArray(rule))
      kept = Array.isArray(v) ? v.slice(0, MAX_ITEMS).map((x) => keep(x, rule[0] as Shape)) : undefined;
    else kept = isShape(v) ? keep(v, rule as Shape) : undefined;
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

/** Every path a shape allows, e.g. `errors[].error_data.details` (tests check stored payloads against it). */
export function allowedPaths(shape: Shape, prefix = ""): string[] {
  return Object.entries(shape).flatMap(([key, rule]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (rule === "token" || rule === "text") return [path];
    if (Array.isArray(rule)) return allowedPaths(rule[0] as Shape, `${path}[]`);
    return allowedPaths(rule as Shape, path);
  });
}

const ERROR: Shape = { code: "token", title: "text", message: "text", error_data: { details: "text" } };
const MEDIA: Shape = { mime_type: "token", voice: "token", animated: "token" };

export const META = {
  message: {
    type: "token",
    timestamp: "token",
    context: { forwarded: "token", frequently_forwarded: "token" },
    image: MEDIA,
    audio: MEDIA,
    video: MEDIA,
    document: MEDIA,
    sticker: MEDIA,
    interactive: { type: "token" },
    system: { type: "token" },
    unsupported: { type: "token" },
    errors: [ERROR],
  },
  status: {
    status: "token",
    timestamp: "token",
    type: "token",
    errors: [ERROR],
    conversation: { origin: { type: "token" } },
    pricing: { billable: "token", pricing_model: "token", category: "token", type: "token" },
  },
  call: {
    event: "token",
    timestamp: "token",
    direction: "token",
    status: "token",
    start_time: "token",
    end_time: "token",
    duration: "token",
    errors: [ERROR],
  },
  error: ERROR,
  /** What is left of an item that could not be read at all. */
  unreadable: { type: "token", status: "token", event: "token", timestamp: "token" },
} as const satisfies Record<string, Shape>;

const params = (...names: string[]): Shape =>
  Object.fromEntries(names.map((n) => [n, n === "ErrorMessage" ? "text" : "token"]));
const MEDIA_TYPES = Array.from({ length: 10 }, (_, i) => `MediaContentType${i}`);

export const TWILIO = {
  message: params("MessageType", "NumMedia", "NumSegments", "SmsStatus", "ApiVersion", "ChannelPrefix", ...MEDIA_TYPES),
  status: params("MessageStatus", "SmsStatus", "ErrorCode", "ErrorMessage", "ChannelPrefix", "ApiVersion"),
  call: params(
    "CallStatus",
    "CallDuration",
    "Direction",
    "ApiVersion",
    "Timestamp",
    "SequenceNumber",
    "CallbackSource",
    "RecordingStatus",
    "RecordingDuration",
    "RecordingChannels",
    "RecordingSource",
    "ErrorCode",
    "ErrorMessage",
  ),
} as const satisfies Record<string, Shape>;

export const EXOTEL = {
  call: params(
    "CallType",
    "DialCallStatus",
    "DialCallDuration",
    "Duration",
    "ConversationDuration",
    "RecordingDuration",
    "Status",
    "Direction",
    "EventType",
    "StartTime",
    "EndTime",
    "Created",
    "DateUpdated",
    "CurrentTime",
    "ProcessStatus",
  ),
} as const satisfies Record<string, Shape>;
