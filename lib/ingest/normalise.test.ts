// Parsers: provider payloads (in their documented shapes) → internal events, without a database.
import { describe, expect, it } from "vitest";
import { MetaWebhook } from "./meta/schema";
import { normaliseMeta } from "./meta/normalise";
import { envelope, inbound, realWaId, status, TYPES, wamid } from "./testing/meta-fixtures";
import { twilioCall, twilioMessageStatus, twilioWhatsApp } from "./twilio/normalise";
import { exotelPassthru, exotelStatus, stripDigits } from "./exotel/normalise";
import { paramsOf } from "./form";
import { allowedPaths, EXOTEL, keep, META, TWILIO } from "./payload-allowlist";
import { hashProviderId } from "../identity/crypto";
import {
  exotelPassthruParams,
  twilioCallParams,
  twilioRecordingParams,
  twilioWhatsAppParams,
} from "./testing/form-fixtures";
import type { CallEvent, MessageEvent } from "./types";

const PN = ["106540352242922"];
const meta = (payload: unknown) => normaliseMeta(MetaWebhook.parse(payload), "d", PN).events;
const p = (o: Record<string, string>) => paramsOf(Object.entries(o));

describe("WhatsApp Cloud API payloads", () => {
  it("turns every message of every change into one event, with the sender keyed by number and the name kept aside", () => {
    const evs = meta(
      envelope([
        inbound({ wa_id: "919876543210", name: "Ravi" }, [TYPES.text, TYPES.image]),
        inbound({ wa_id: "919000000001" }, [TYPES.audio]),
      ]),
    ) as MessageEvent[];
    expect(evs.map((e) => e.messageKind)).toEqual(["TEXT", "IMAGE", "AUDIO"]);
    expect(evs[0].sender).toEqual({ address: { kind: "phone", value: "919876543210" }, name: "Ravi" });
    expect(evs[1].media).toEqual([
      {
        providerRef: "1003383421387256",
        mime: "image/jpeg",
        filename: undefined,
        expectedSha256: "Ubiq4zCrOFJOaGT7bwtlSo4pqF2bDgKbsP4fgyUWeO8=",
      },
    ]);
    for (const e of evs) expect(JSON.stringify(e.payload)).not.toMatch(/919876543210|Ravi|919000000001/);
  });

  it("keeps WhatsApp ids only as keyed hashes: message, reply-to, reaction target and status ids", () => {
    const id = realWaId("919876543210");
    expect(Buffer.from(id.slice(6), "base64").toString("latin1")).toContain("919876543210");
    const [msg, reaction] = meta(
      envelope([
        inbound({ wa_id: "919876543210" }, [
          { ...TYPES.text, id, context: { id } },
          { type: "reaction", reaction: { message_id: id, emoji: "👍" } },
        ]),
      ]),
    ) as MessageEvent[];
    expect(msg.externalId).toBe(hashProviderId(id));
    expect(msg.providerMessageId).toBe(hashProviderId(id));
    expect(msg.replyToProviderId).toBe(hashProviderId(id));
    expect(reaction.replyToProviderId).toBe(hashProviderId(id));
    const [st] = meta(envelope([{ statuses: [status(id, "read")] }]));
    expect(st).toMatchObject({ type: "status", providerMessageId: hashProviderId(id) });
    const { sender: _s, ...stored } = msg;
    for (const e of [stored, { ...reaction, sender: null }, st])
      expect(JSON.stringify(e)).not.toMatch(/wamid|HBgM|9876543210/);
  });

  it("prefers the business-scoped user id, links the number that came with it, and accepts a sender with no number", () => {
    const [withBoth] = meta(
      envelope([inbound({ wa_id: "919876543210", user_id: "IN.1410018717833190" }, [TYPES.text])]),
    ) as MessageEvent[];
    expect(withBoth.sender.address).toEqual({ kind: "bsuid", value: "IN.1410018717833190" });
    expect(withBoth.sender.also).toEqual([{ kind: "phone", value: "919876543210" }]);
    const [only] = meta(envelope([inbound({ user_id: "IN.1410018717833190" }, [TYPES.text])])) as MessageEvent[];
    expect(only.sender.address.kind).toBe("bsuid");
    expect(JSON.stringify(only.payload)).not.toContain("IN.1410018717833190");
  });

  it("takes a contact's name only from the contact that is the sender", () => {
    const hook = envelope([
      {
        contacts: [{ profile: { name: "Someone Else" }, wa_id: "919111111111" }],
        messages: [{ from: "919876543210", id: wamid(), timestamp: "1700000000", ...TYPES.text }],
      },
    ]);
    const [ev] = meta(hook) as MessageEvent[];
    expect(ev.sender).toEqual({ address: { kind: "phone", value: "919876543210" } });
  });

  it("records reactions against their target and unsupported types with the reason", () => {
    const evs = meta(
      envelope([
        inbound({ wa_id: "919876543210" }, [
          { type: "reaction", reaction: { message_id: "wamid.X", emoji: "" } },
          TYPES.unsupported,
          { type: "order", order: {} },
        ]),
      ]),
    ) as MessageEvent[];
    expect(evs[0]).toMatchObject({
      messageKind: "REACTION",
      replyToProviderId: hashProviderId("wamid.X"),
      meta: { removed: true },
    });
    expect(evs[1]).toMatchObject({
      messageKind: "UNSUPPORTED",
      reason: "131051 Message type unknown Message type is currently not supported.",
      threadOnly: true,
    });
    expect(evs[2]).toMatchObject({ messageKind: "UNSUPPORTED", reason: 'message type "order" not supported' });
  });

  it("maps statuses and webhook-level errors; skips other phone numbers", () => {
    const evs = meta(
      envelope([
        { statuses: [status("wamid.A", "delivered"), status("wamid.A", "played")] },
        { errors: [{ code: 131000, title: "Something went wrong" }] },
      ]),
    );
    expect(evs.map((e) => e.type + ":" + ("status" in e ? e.status : ""))).toEqual([
      "status:DELIVERED",
      "status:PLAYED",
      "notice:",
    ]);
    expect(
      normaliseMeta(MetaWebhook.parse(envelope([inbound({ wa_id: "919876543210" }, [TYPES.text])], "555")), "d", PN),
    ).toEqual({ events: [], skipped: 1 });
  });

  it("records a webhook-level error entry that is not an object (null, a number) instead of throwing (found by the reliability fuzz)", () => {
    const evs = meta(
      envelope([
        { errors: [null, 7, { code: "x", title: { nested: true } }, { code: 131000, title: "Something went wrong" }] },
      ]),
    );
    expect(evs.map((e) => [e.type, e.kind, "reason" in e ? e.reason : undefined])).toEqual([
      ["notice", "error", "webhook error"],
      ["notice", "error", "webhook error"],
      ["notice", "error", "webhook error"],
      ["notice", "error", "131000 Something went wrong"],
    ]);
  });

  it("stores a message whose content object is missing as unsupported with Meta's error, and fails only an item without a usable sender", () => {
    const noInteractive = {
      type: "interactive",
      errors: [
        {
          code: 131000,
          title: "Something went wrong",
          message: "Something went wrong",
          error_data: { details: "Unknown error" },
        },
      ],
    };
    const [ev] = meta(envelope([inbound({ wa_id: "919876543210" }, [noInteractive])])) as MessageEvent[];
    expect(ev).toMatchObject({
      type: "message",
      messageKind: "UNSUPPORTED",
      reason: "131000 Something went wrong Unknown error",
    });
    const [loc] = meta(envelope([inbound({ wa_id: "919876543210" }, [{ type: "location" }])])) as MessageEvent[];
    expect(loc).toMatchObject({ messageKind: "UNSUPPORTED", reason: "location message without its content" });
    const [bad, good] = meta(
      envelope([
        {
          messages: [
            { id: wamid(), timestamp: "1700000000", ...TYPES.text },
            { from: "919876543210", id: wamid(), timestamp: 1700000000, ...TYPES.text },
          ],
        },
      ]),
    );
    expect(bad).toMatchObject({ type: "failed", reason: "no usable sender id" });
    expect(good).toMatchObject({ type: "message", messageKind: "TEXT", at: new Date(1700000000 * 1000) });
  });

  it("records system notices without a tip, and edits and deletions against the message they change", () => {
    const original = wamid("919876543210");
    const evs = meta(
      envelope([
        inbound({ wa_id: "919876543210" }, [
          {
            type: "system",
            system: {
              body: "User A changed from 919876543210 to 919876500000",
              type: "user_changed_number",
              new_wa_id: "919876500000",
            },
          },
          {
            type: "edit",
            edit: { original_message_id: original, message: { type: "text", text: { body: "corrected text" } } },
          },
          { type: "revoke", revoke: { original_message_id: original } },
        ]),
      ]),
    );
    expect(evs[0]).toMatchObject({ type: "notice", kind: "message.system" });
    expect(evs[1]).toMatchObject({ type: "edit", providerMessageId: hashProviderId(original), body: "corrected text" });
    expect(evs[2]).toMatchObject({ type: "edit", providerMessageId: hashProviderId(original), revoked: true });
    expect(JSON.stringify(evs.map((e) => ({ ...e, sender: null })))).not.toMatch(/9876500000|9876543210/);
  });

  it("turns a WhatsApp call into a call event: missed or answered, with its duration", () => {
    const callId = realWaId("919876543210", "wacid.");
    const call = (extra: Record<string, unknown>) => ({
      id: callId,
      from: "919876543210",
      to: "15550783881",
      timestamp: "1700000000",
      direction: "USER_INITIATED",
      ...extra,
    });
    const hook = envelope([
      {
        contacts: [{ profile: { name: "Caller" }, wa_id: "919876543210" }],
        calls: [call({ event: "connect" }), call({ event: "terminate", status: "Completed", duration: 62 })],
      },
    ]);
    hook.entry[0].changes[0].field = "calls";
    const [connect, terminate] = meta(hook) as CallEvent[];
    expect(connect).toMatchObject({
      type: "call",
      channel: "WHATSAPP",
      callId: hashProviderId(callId),
      status: "ringing",
      sender: { address: { value: "919876543210" }, name: "Caller" },
    });
    expect(terminate).toMatchObject({
      status: "answered",
      durationSec: 62,
      externalId: `call:${hashProviderId(callId)}:terminate`,
    });
    const missed = envelope([
      { calls: [call({ event: "terminate", status: "FAILED", start_time: 1700000000, end_time: 1700000000 })] },
    ]);
    missed.entry[0].changes[0].field = "calls";
    expect(meta(missed)[0]).toMatchObject({ status: "missed", durationSec: 0 });
  });
});

describe("Twilio payloads", () => {
  it("reads WhatsApp inbound text, media and location", () => {
    const text = twilioWhatsApp(p(twilioWhatsAppParams("+91 98765 43210")));
    expect(text).toMatchObject({
      messageKind: "TEXT",
      body: "Hello from Twilio",
      sender: { address: { kind: "phone", value: "919876543210" }, name: "Sheena Nelson" },
    });
    const media = twilioWhatsApp(
      p(
        twilioWhatsAppParams("919876543210", {
          NumMedia: "2",
          MediaUrl0: "https://api.twilio.com/m/ME1",
          MediaContentType0: "image/jpeg",
          MediaUrl1: "https://api.twilio.com/m/ME2",
          MediaContentType1: "application/pdf",
          Body: "",
        }),
      ),
    );
    expect(media.messageKind).toBe("IMAGE");
    expect(media.media.map((m) => m.mime)).toEqual(["image/jpeg", "application/pdf"]);
    const loc = twilioWhatsApp(
      p(
        twilioWhatsAppParams("919876543210", {
          Body: "",
          MessageType: "location",
          Latitude: "25.4358",
          Longitude: "81.8463",
          Label: "Civil Lines",
        }),
      ),
    );
    expect(loc).toMatchObject({ messageKind: "LOCATION", meta: { latitude: 25.4358, longitude: 81.8463 } });
    for (const e of [text, media, loc]) expect(JSON.stringify(e.payload)).not.toMatch(/9876543210|Sheena/);
  });

  it("maps message statuses and voice callbacks", () => {
    const st = twilioMessageStatus(
      p({
        MessageSid: "SM" + "a".repeat(32),
        MessageStatus: "undelivered",
        ErrorCode: "63016",
        AccountSid: "AC" + "0".repeat(32),
      }),
    );
    expect(st).toMatchObject({ status: "FAILED", error: "63016 undelivered" });
    const call = twilioCall(p(twilioCallParams("+919876543210", { Digits: "2" })), "incoming");
    expect(call).toMatchObject({
      status: "ringing",
      digits: "2",
      direction: "INBOUND",
      sender: { address: { value: "919876543210" } },
    });
    expect(JSON.stringify(call.payload)).not.toMatch(/9876543210|PRAYAGRAJ/);
    const rec = twilioCall(
      p(twilioRecordingParams(call.callId, "https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE1")),
      "recording",
    );
    expect(rec.sender).toBeUndefined();
    expect(rec.recording).toMatchObject({
      providerRef: "https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE1",
      durationSec: 14,
    });
  });
});

describe("Exotel payloads", () => {
  it("strips Exotel's literal quotes around digits and normalises the national caller number", () => {
    expect(stripDigits('"1"')).toBe("1");
    expect(stripDigits('"12#"')).toBe("12#");
    expect(stripDigits("null")).toBeUndefined();
    const ev = exotelPassthru(p(exotelPassthruParams("09876543210")));
    expect(ev).toMatchObject({
      digits: "1",
      status: "missed",
      sender: { address: { kind: "phone", value: "919876543210" } },
    });
    expect(JSON.stringify(ev.payload)).not.toContain("9876543210");
  });

  it("uses the same event key for a retried Passthru (only CurrentTime changes)", () => {
    const params = exotelPassthruParams("09876543210");
    const a = exotelPassthru(p(params));
    const b = exotelPassthru(p({ ...params, CurrentTime: "2026-11-30 10:21:10" }));
    expect(a.externalId).toBe(b.externalId);
    const c = exotelPassthru(
      p({ ...params, CallType: "voicemail", RecordingUrl: "https://recordings.exotel.com/x.mp3" }),
    );
    expect(c.externalId).not.toBe(a.externalId);
    expect(c.recording?.providerRef).toBe("https://recordings.exotel.com/x.mp3");
  });

  it("reads the StatusCallback", () => {
    const ev = exotelStatus(
      p({
        CallSid: "80bfbec2d78bbbf10fb851f4fa165211",
        DateUpdated: "2024-01-15 14:30:45",
        Status: "completed",
        RecordingUrl: "https://s3-ap-southeast-1.amazonaws.com/recordings/abc123.mp3",
      }),
    );
    expect(ev).toMatchObject({
      status: "answered",
      sender: undefined,
      recording: { providerRef: "https://s3-ap-southeast-1.amazonaws.com/recordings/abc123.mp3" },
    });
  });
});

/** Every leaf path of a JSON value, arrays as `[]` (what a stored payload holds). */
function leafPaths(v: unknown, prefix = ""): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => leafPaths(x, `${prefix}[]`));
  if (v && typeof v === "object")
    return Object.entries(v).flatMap(([k, x]) => leafPaths(x, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

describe("provider values named like Object.prototype members (found by the reliability fuzz)", () => {
  // Lookup tables keyed by provider input must not answer with inherited functions.
  const names = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"];

  it("Meta: such a message type is unsupported, such a status unknown", () => {
    for (const type of names) {
      const [ev] = meta(
        envelope([inbound({ wa_id: "919876543210" }, [{ type, [type]: { id: "1" } }])]),
      ) as MessageEvent[];
      expect([type, ev.messageKind]).toEqual([type, "UNSUPPORTED"]);
      const [st] = meta(envelope([{ statuses: [status("wamid.A", type)] }]));
      expect([type, st.type, st.kind]).toEqual([type, "notice", "status.unknown"]);
    }
  });

  it("Twilio and Exotel: such a status is recorded, not taken for a known one", () => {
    expect(twilioMessageStatus(p({ MessageSid: "SM" + "a".repeat(32), MessageStatus: "__proto__" })).type).toBe(
      "notice",
    );
    for (const raw of ["constructor", "valueof"]) {
      expect(twilioMessageStatus(p({ MessageSid: "SM" + "a".repeat(32), MessageStatus: raw })).type).toBe("notice");
      expect(twilioCall(p(twilioCallParams("+919876543210", { CallStatus: raw })), "status").status).toBe("ringing");
      expect(
        exotelPassthru(p(exotelPassthruParams("09876543210", { CallType: raw, DialCallStatus: raw }))).status,
      ).toBe("ringing");
      expect(exotelStatus(p({ CallSid: "a".repeat(32), Status: raw })).status).toBe("ringing");
    }
  });
});

describe("stored payloads", () => {
  it("hold no leaf outside their allowlist, for every documented shape of every provider", () => {
    const n = "919876543210";
    const call = {
      id: realWaId(n, "wacid."),
      from: n,
      to: "15550783881",
      timestamp: "1700000000",
      direction: "USER_INITIATED",
      event: "terminate",
      status: "Completed",
      duration: 9,
      start_time: "1",
      end_time: "10",
      session: { sdp: "v=0", sdp_type: "offer" },
    };
    const calls = envelope([
      { contacts: [{ profile: { name: "X" }, wa_id: n }], calls: [call, { ...call, event: "connect" }] },
    ]);
    calls.entry[0].changes[0].field = "calls";
    const events = [
      envelope([inbound({ wa_id: n, user_id: "IN.1410018717833190", name: "Ravi" }, Object.values(TYPES))]),
      envelope([
        {
          statuses: [
            status(wamid(n), "failed", {
              errors: [
                {
                  code: 131047,
                  title: "Re-engagement",
                  message: "To +91 98765 43210",
                  error_data: { details: "x" },
                  href: "https://x",
                },
              ],
              conversation: { id: "c", origin: { type: "service" }, expiration_timestamp: "1" },
              pricing: { billable: true, pricing_model: "CBP", category: "service", type: "regular" },
              biz_opaque_callback_data: "secret",
            }),
          ],
        },
      ]),
      envelope([
        {
          errors: [{ code: 130472, title: "Experiment", message: "x", error_data: { details: "phone 919876543210" } }],
        },
      ]),
      calls,
    ].flatMap((hook) => meta(hook));
    expect(events.length).toBeGreaterThan(15);
    const allowed = {
      message: allowedPaths(META.message),
      status: allowedPaths(META.status),
      call: allowedPaths(META.call),
      error: allowedPaths(META.error),
      unreadable: allowedPaths(META.unreadable),
    };
    for (const ev of events) {
      const group = ev.kind.split(".")[0] as keyof typeof allowed;
      const list = allowed[group] ?? allowed.unreadable;
      for (const leaf of leafPaths(ev.payload)) expect(list, `${ev.kind}: ${leaf}`).toContain(leaf);
      expect(JSON.stringify(ev.payload)).not.toMatch(/9876543210|Ravi|1410018717833190|wamid|wacid|secret/);
    }
    const forms = [
      [
        twilioWhatsApp(
          p(
            twilioWhatsAppParams("+919876543210", {
              NumMedia: "1",
              MediaUrl0: "https://api.twilio.com/m/ME1",
              MediaContentType0: "image/jpeg",
            }),
          ),
        ),
        TWILIO.message,
      ],
      [
        twilioMessageStatus(
          p({
            MessageSid: "SM" + "a".repeat(32),
            MessageStatus: "undelivered",
            ErrorCode: "63016",
            ErrorMessage: "To +91 98765 43210",
            To: "whatsapp:+919876543210",
          }),
        ),
        TWILIO.status,
      ],
      [twilioCall(p(twilioCallParams("+919876543210")), "incoming"), TWILIO.call],
      [
        exotelPassthru(p(exotelPassthruParams("09876543210", { RecordingUrl: "https://recordings.exotel.com/x.mp3" }))),
        EXOTEL.call,
      ],
    ] as const;
    for (const [ev, shape] of forms) {
      for (const leaf of leafPaths(ev.payload)) expect(allowedPaths(shape), `${ev.kind}: ${leaf}`).toContain(leaf);
      expect(JSON.stringify(ev.payload)).not.toMatch(/9876543210|Sheena|PRAYAGRAJ/);
    }
  });

  it("keep only allowlisted fields: no numbers, names or unknown extras", () => {
    const kept = keep(
      {
        type: "text",
        timestamp: "1",
        from: "919876543210",
        extra: { deep: "x" },
        errors: [{ code: 1, title: "To +91 98765 43210 failed", href: "x" }],
      },
      META.message,
    );
    expect(kept).toEqual({ type: "text", timestamp: "1", errors: [{ code: 1, title: "To [number] failed" }] });
  });
});
