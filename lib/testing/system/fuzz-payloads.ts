// Property-based deliveries (fast-check) for every provider and event type the app takes: Meta
// messages of every type, statuses, the `calls` field and webhook-level errors; Twilio WhatsApp,
// message status and the voice callbacks; Exotel Passthru (GET and POST) and StatusCallback. Each
// starts from the provider's documented shape and is then mutated — poison strings (NUL, lone
// surrogates, huge values, regular-expression metacharacters in names), type confusion, missing
// and extra fields, extra fields nested thousands of levels deep — and signed (or given the path
// token) so it reaches parsing. Whatever comes of it, the app must not answer 5xx or fall over.
import fc from "fast-check";
import { envelope, realWaId } from "../../ingest/testing/meta-fixtures";
import {
  exotelPassthruParams,
  sid,
  twilioCallParams,
  twilioRecordingParams,
  twilioWhatsAppParams,
} from "../../ingest/testing/form-fixtures";
import { E2E } from "../../../e2e/env";
import { EXOTEL_PATH, exotelGet, exotelPost, metaPost, PHONE_NUMBER_ID, twilioPost, type Rendered } from "./deliveries";

export type FuzzCase = { provider: "META" | "TWILIO" | "EXOTEL"; what: string; render: (base: string) => Rendered };

/** Strings that broke ingest before (issue 13), and ordinary ones around them. */
export const poison: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "\u0000",
      "sharab\u0000bhatti",
      "\ud800",
      "x\udfff",
      "\ud83d",
      "((((a",
      "[",
      "a\\",
      "*+?",
      "(?<n>",
      "$1$&",
      ".*",
      "^(a+)+$",
      "\u202etxet",
      "🙂🙂",
      "नमस्ते पुलिस",
      '\'; DROP TABLE "Tip"; --',
      "%00",
      "\r\n",
      "{{ref}}",
      "",
      "constructor",
      "toString",
      "__proto__",
      "valueOf",
      "hasOwnProperty",
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.string({ maxLength: 8 }),
        fc.constantFrom("\u0000", "\ud800", "\udc00", "\ud83d"),
        fc.string({ maxLength: 8 }),
      )
      .map(([a, b, c]) => a + b + c),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("N", "न", "(", "\u0000", "🙂", "\ud800"), fc.integer({ min: 4_096, max: 30_000 }))
      .map(([c, n]) => c.repeat(n)),
  },
);

const DEEP = "__deep__";
/** An object nested `n` levels deep, written into the JSON text after stringifying (no recursion). */
const deep = fc.integer({ min: 20, max: 6_000 }).map((n) => ({ [DEEP]: n }));

const junk: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    poison,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    deep,
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(poison, tie("v"), { maxKeys: 3 }),
  ),
})).v;

type Mutation = { op: "set" | "delete" | "add"; at: number; key: string; value: unknown };
const mutations = fc.array(
  fc.record({
    op: fc.constantFrom("set", "delete", "add"),
    at: fc.nat(),
    key: poison,
    value: junk,
  }) as fc.Arbitrary<Mutation>,
  { maxLength: 4 },
);

/** Sets an own property, also for keys such as `__proto__` (as JSON.parse would make them). */
function put(o: Record<string | number, unknown> | unknown[], key: string | number, value: unknown) {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies mutations to a JSON tree in place: pick the `at`-th slot (depth first) and set, delete or add beside it. */
function mutate(root: Record<string, unknown>, ms: Mutation[]) {
  for (const m of ms) {
    const slots: [Record<string, unknown> | unknown[], string | number][] = [];
    const objects: Record<string, unknown>[] = [];
    const stack: unknown[] = [root];
    while (stack.length) {
      const x = stack.pop();
      if (Array.isArray(x)) x.forEach((v, i) => (slots.push([x, i]), stack.push(v)));
      else if (x && typeof x === "object" && !Object.hasOwn(x, DEEP)) {
        objects.push(x as Record<string, unknown>);
        for (const [k, v] of Object.entries(x)) {
          slots.push([x as Record<string, unknown>, k]);
          stack.push(v);
        }
      }
    }
    if (m.op === "add") {
      if (objects.length) put(objects[m.at % objects.length], m.key, m.value);
      continue;
    }
    if (!slots.length) continue;
    const [parent, key] = slots[m.at % slots.length];
    if (m.op === "set") put(parent, key, m.value);
    else if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  }
}

export function toJson(value: unknown) {
  return JSON.stringify(value).replace(
    /\{"__deep__":(\d+)\}/g,
    (_, n) => '{"x":'.repeat(Number(n)) + "1" + "}".repeat(Number(n)),
  );
}

const phone = fc.integer({ min: 0, max: 499 }).map((i) => `91981234${String(i).padStart(4, "0")}`);
const ts = () => String(Math.floor(Date.now() / 1000));
const either = <T>(a: fc.Arbitrary<T>, b: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: b });
const mediaId = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom("photo-1", "voice-1", "doc-1", "sticker-1", "video-1") },
  { weight: 9, arbitrary: fc.oneof(fc.nat().map(String), poison) },
);
const errors = fc.array(
  fc.record({
    code: either(fc.integer({ min: 100, max: 140000 }), junk),
    title: poison,
    message: poison,
    error_data: fc.record({ details: poison }),
  }),
  { maxLength: 2 },
);

/** One message of each type Meta documents (and a few it sends undocumented), with poison where text goes. */
const metaMessage = (from: string) =>
  fc
    .tuple(
      fc.constantFrom(
        "text",
        "image",
        "audio",
        "video",
        "document",
        "sticker",
        "location",
        "contacts",
        "button_reply",
        "list_reply",
        "nfm_reply",
        "button",
        "reaction",
        "system",
        "edit",
        "revoke",
        "unsupported",
        "request_welcome",
        "interactive_missing",
        "unknown_type",
      ),
      poison,
      poison,
      mediaId,
      errors,
    )
    .map(([kind, s, t, media, errs]): Record<string, unknown> => {
      const base = { from, id: realWaId(from), timestamp: ts() };
      const m = (type: string, extra: Record<string, unknown>) => ({ ...base, type, ...extra });
      switch (kind) {
        case "text":
          return m("text", { text: { body: s } });
        case "image":
        case "audio":
        case "video":
        case "document":
        case "sticker":
          return m(kind, {
            [kind]: {
              id: media,
              mime_type: t,
              sha256: "Ubiq4zCrOFJOaGT7bwtlSo4pqF2bDgKbsP4fgyUWeO8=",
              caption: s,
              filename: t,
              voice: true,
            },
          });
        case "location":
          return m("location", { location: { latitude: 25.43, longitude: 81.84, name: s, address: t, url: t } });
        case "contacts":
          return m("contacts", {
            contacts: [{ name: { formatted_name: s, first_name: t }, phones: [{ phone: t, wa_id: t, type: "CELL" }] }],
          });
        case "button_reply":
          return m("interactive", { interactive: { type: "button_reply", button_reply: { id: t, title: s } } });
        case "list_reply":
          return m("interactive", {
            interactive: { type: "list_reply", list_reply: { id: t, title: s, description: t } },
          });
        case "nfm_reply":
          return m("interactive", {
            interactive: { type: "nfm_reply", nfm_reply: { name: "flow", body: s, response_json: t } },
          });
        case "button":
          return m("button", {
            button: { text: s, payload: t },
            context: { from: "15550783881", id: realWaId("15550783881") },
          });
        case "reaction":
          // Mostly a real message id; sometimes whatever the string is.
          return m("reaction", { reaction: { message_id: t.length % 3 ? realWaId(from) : t, emoji: s } });
        case "system":
          return m("system", { system: { body: s, type: "user_changed_number", new_wa_id: t } });
        case "edit":
          return m("edit", {
            edit: { original_message_id: realWaId(from), message: { type: "text", text: { body: s } } },
          });
        case "revoke":
          return m("revoke", { revoke: { original_message_id: realWaId(from) } });
        case "unsupported":
          return m("unsupported", { unsupported: { type: t }, errors: errs, context: { id: realWaId(from) } });
        case "request_welcome":
          return m("request_welcome", {});
        case "interactive_missing":
          return m("interactive", { errors: errs });
        default:
          return m(s, { [s]: { body: t } });
      }
    });

const metaStatus = (from: string) =>
  fc
    .tuple(
      fc.constantFrom("sent", "delivered", "read", "failed", "played", "deleted"),
      poison,
      errors,
      fc.boolean(),
      fc.boolean(),
    )
    .map(([st, s, errs, odd, call]) => ({
      id: odd ? s : realWaId(from),
      status: odd ? s : st,
      timestamp: ts(),
      recipient_id: from,
      ...(call ? { type: "call" } : {}),
      ...(st === "failed" ? { errors: errs } : {}),
      conversation: { id: s, origin: { type: "user_initiated" } },
      pricing: { billable: true, pricing_model: "CBP", category: "service" },
    }));

const metaCall = (from: string) =>
  fc
    .tuple(
      fc.constantFrom("connect", "terminate"),
      fc.constantFrom("Completed", "Failed", "COMPLETED"),
      either(fc.nat(10_000) as fc.Arbitrary<unknown>, junk),
      poison,
      fc.boolean(),
    )
    .map(([event, st, duration, s, odd]) => ({
      id: odd ? s : realWaId(from, "wacid."),
      from,
      to: "15550783881",
      event: odd ? s : event,
      timestamp: ts(),
      direction: "USER_INITIATED",
      ...(event === "terminate"
        ? { status: st, duration, start_time: ts(), end_time: ts() }
        : { session: { sdp_type: "offer", sdp: s } }),
    }));

const metaCase: fc.Arbitrary<FuzzCase> = phone.chain((from) =>
  fc
    .record({
      field: fc.constantFrom("messages", "messages", "messages", "calls"),
      messages: fc.array(metaMessage(from), { maxLength: 3 }),
      statuses: fc.array(metaStatus(from), { maxLength: 2 }),
      calls: fc.array(metaCall(from), { maxLength: 2 }),
      errors,
      name: poison,
      waId: either(fc.constant(from), poison),
      mutations,
    })
    .map((r) => {
      const value: Record<string, unknown> = { contacts: [{ profile: { name: r.name }, wa_id: r.waId }] };
      if (r.field === "calls") value.calls = r.calls;
      else {
        if (r.messages.length) value.messages = r.messages;
        if (r.statuses.length) value.statuses = r.statuses;
        if (r.errors.length) value.errors = r.errors;
      }
      const what = `meta ${r.field}: ${r.messages.map((m) => JSON.stringify(m.type).slice(0, 24)).join(",")} mutations ${r.mutations.map((m) => m.op).join(",") || "none"}`;
      const hook = envelope([value], PHONE_NUMBER_ID);
      hook.entry[0].changes[0].field = r.field;
      mutate(hook.entry[0].changes[0].value, r.mutations);
      const raw = toJson(hook);
      return { provider: "META" as const, what, render: () => metaPost(raw) };
    }),
);

/** What a URL-encoded form can carry: lone surrogates become U+FFFD on the wire, so sign that. */
const wellFormed = (s: string) => Buffer.from(s, "utf8").toString("utf8");

type FormMutation = { op: "set" | "delete" | "add"; at: number; key: string; value: string };
const formMutations = fc.array(
  fc.record({
    op: fc.constantFrom("set", "delete", "add"),
    at: fc.nat(),
    key: poison,
    value: poison,
  }) as fc.Arbitrary<FormMutation>,
  { maxLength: 4 },
);

function mutateForm(p: Record<string, string>, ms: FormMutation[]): Record<string, string> {
  const out = new Map(Object.entries(p));
  for (const m of ms) {
    const keys = [...out.keys()];
    if (m.op === "add" || !keys.length) out.set(m.key, m.value);
    else if (m.op === "set") out.set(keys[m.at % keys.length], m.value);
    else out.delete(keys[m.at % keys.length]);
  }
  const form: Record<string, string> = {};
  for (const [k, v] of out) put(form, wellFormed(k), wellFormed(v));
  return form;
}

const TWILIO = E2E.serverEnv;
const twilioCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    route: fc.constantFrom("whatsapp", "status", "voice", "voice/status", "voice/recording", "voice/recorded"),
    from: phone,
    s: poison,
    t: poison,
    media: fc.boolean(),
    mutations: formMutations,
  })
  .map(({ route, from, s, t, media, mutations: ms }) => {
    const callSid = sid("CA");
    const base: Record<string, string> =
      route === "whatsapp"
        ? {
            ...twilioWhatsAppParams(from),
            AccountSid: TWILIO.TWILIO_ACCOUNT_SID,
            Body: s,
            ProfileName: t,
            ...(media
              ? {
                  NumMedia: "1",
                  MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/${TWILIO.TWILIO_ACCOUNT_SID}/Messages/${sid("MM")}/Media/${sid("ME")}`,
                  MediaContentType0: t,
                }
              : {}),
          }
        : route === "status"
          ? {
              MessageSid: sid("SM"),
              MessageStatus: media ? t : "delivered",
              AccountSid: TWILIO.TWILIO_ACCOUNT_SID,
              ErrorCode: s,
              ErrorMessage: s,
              ApiVersion: "2010-04-01",
            }
          : route === "voice/recording"
            ? twilioRecordingParams(
                callSid,
                media ? s : "https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE1",
                { RecordingDuration: t },
              )
            : twilioCallParams(from, {
                CallSid: callSid,
                CallStatus: media ? t : "completed",
                CallDuration: s,
                Digits: t,
              });
    const params = mutateForm(base, ms);
    const path = `/api/webhooks/twilio/${route}`;
    return {
      provider: "TWILIO" as const,
      what: `twilio ${route} ${ms.map((m) => m.op).join(",")}`,
      render: (url: string) => twilioPost(url, path, params),
    };
  });

const exotelCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    route: fc.constantFrom("passthru-get", "passthru-post", "status"),
    from: phone,
    s: poison,
    t: poison,
    mutations: formMutations,
  })
  .map(({ route, from, s, t, mutations: ms }) => {
    const base =
      route === "status"
        ? {
            CallSid: sid("").slice(0, 32),
            Status: "completed",
            RecordingUrl: s,
            DateUpdated: t,
            ConversationDuration: s,
            EventType: t,
          }
        : exotelPassthruParams("0" + from.slice(2), { digits: s, DialCallStatus: t, RecordingUrl: s, CallType: t });
    const params = mutateForm(base, ms);
    // A query string past the server's header limit is refused before the app sees it: such payloads go as a form.
    const get = route === "passthru-get" && new URLSearchParams(params).toString().length < 12_000;
    const path = `${EXOTEL_PATH}/${route === "status" ? "status" : "passthru"}`;
    return {
      provider: "EXOTEL" as const,
      what: `exotel ${route} ${ms.map((m) => m.op).join(",")}`,
      render: () => (get ? exotelGet(path, params) : exotelPost(path, params)),
    };
  });

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 6, arbitrary: metaCase },
  { weight: 3, arbitrary: twilioCase },
  { weight: 1, arbitrary: exotelCase },
);
