// WhatsApp Cloud API webhook payloads in the shapes of Meta's webhook reference
// (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/<type>),
// with our test phone_number_id and fresh message ids. Shared by unit and integration tests.
import crypto from "node:crypto";

export const PHONE_NUMBER_ID = "106540352242922";
export const WABA_ID = "102290129340398";

/**
 * A WhatsApp id in its real format: `wamid.` + base64 of a small protobuf record that holds the
 * sender's (or recipient's) number, e.g. `wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgS…` → `…919812345678…`.
 */
export function realWaId(number: string, prefix = "wamid.") {
  const id = crypto.randomBytes(9).toString("hex").toUpperCase();
  const digits = number.replace(/\D/g, "");
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, digits.length]),
    Buffer.from(digits),
    Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, id.length]),
    Buffer.from(id),
    Buffer.from([0x00]),
  ]);
  return prefix + record.toString("base64");
}

export function wamid(number = "919000000000") {
  return realWaId(number);
}
export const nowTs = () => String(Math.floor(Date.now() / 1000));

export type Contact = { wa_id?: string; user_id?: string; name?: string };

export function envelope(values: Record<string, unknown>[], phoneNumberId = PHONE_NUMBER_ID) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: WABA_ID,
        changes: values.map((value) => ({
          field: "messages",
          value: {
            messaging_product: "whatsapp",
            metadata: { display_phone_number: "15550783881", phone_number_id: phoneNumberId },
            ...value,
          },
        })),
      },
    ],
  };
}

/** One `messages` value: the sender's contact card plus their messages. */
export function inbound(c: Contact, messages: Record<string, unknown>[]) {
  const contact = {
    profile: { name: c.name ?? "Sheena Nelson" },
    ...(c.wa_id ? { wa_id: c.wa_id } : {}),
    ...(c.user_id ? { user_id: c.user_id } : {}),
  };
  return {
    contacts: [contact],
    messages: messages.map((m) => ({
      ...(c.wa_id ? { from: c.wa_id } : {}),
      ...(c.user_id ? { from_user_id: c.user_id } : {}),
      id: wamid(c.wa_id),
      timestamp: nowTs(),
      ...m,
    })),
  };
}

/** Message bodies per type, as in Meta's reference examples. */
export const TYPES: Record<string, Record<string, unknown>> = {
  text: { type: "text", text: { body: "Does it come in another color?" } },
  image: {
    type: "image",
    image: {
      caption: "Black Nike sneakers",
      mime_type: "image/jpeg",
      sha256: "Ubiq4zCrOFJOaGT7bwtlSo4pqF2bDgKbsP4fgyUWeO8=",
      id: "1003383421387256",
    },
  },
  audio: {
    type: "audio",
    audio: {
      mime_type: "audio/ogg; codecs=opus",
      sha256: "NJT5HiKPNfn40ovvZVVcxHqtBFtGsaKwGkfEe5aD/jk=",
      id: "1003383421387257",
      voice: true,
    },
  },
  video: {
    type: "video",
    video: {
      caption: "Gerbera daisies",
      mime_type: "video/mp4",
      sha256: "Y2hZ0HSdvCXxvxB4zBSvq3Rd3r4B8rJmIbdpYGCVhK0=",
      id: "1003383421387258",
    },
  },
  document: {
    type: "document",
    document: {
      caption: "Receipt",
      filename: "receipt.pdf",
      mime_type: "application/pdf",
      sha256: "Ms1GNLMCVqoxa0vqsiJ2ffW+PJVD20RZ0G5vMUBj5fo=",
      id: "1003383421387259",
    },
  },
  sticker: {
    type: "sticker",
    sticker: {
      mime_type: "image/webp",
      sha256: "NJT5HiKPNfn40ovvZVVcxHqtBFtGsaKwGkfEe5aD/jk=",
      id: "1003383421387260",
      animated: false,
    },
  },
  location: {
    type: "location",
    location: {
      address: "1 Hacker Way, Menlo Park, CA 94025",
      latitude: 37.483307,
      longitude: -122.148981,
      name: "Main Street Beach",
      url: "https://www.facebook.com",
    },
  },
  contacts: {
    type: "contacts",
    contacts: [
      {
        name: { first_name: "Barbara", last_name: "Johnson", formatted_name: "Barbara J. Johnson" },
        phones: [{ phone: "+1 (940) 555-1234", type: "HOME", wa_id: "19405551234" }],
      },
    ],
  },
  button_reply: {
    type: "interactive",
    interactive: { type: "button_reply", button_reply: { id: "cancel-button", title: "Cancel" } },
  },
  list_reply: {
    type: "interactive",
    interactive: {
      type: "list_reply",
      list_reply: { id: "priority_express", title: "Express Shipping", description: "Next Day to 2 Days" },
    },
  },
  button: {
    type: "button",
    context: { from: "15550783881", id: "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1NjA4RjQ5NjJFNzRCNkVFQjkA" },
    button: { payload: "Unsubscribe", text: "Unsubscribe" },
  },
  unsupported: {
    type: "unsupported",
    errors: [
      {
        code: 131051,
        title: "Message type unknown",
        message: "Message type unknown",
        error_data: { details: "Message type is currently not supported." },
      },
    ],
    unsupported: { type: "edit" },
  },
};

export function status(id: string, s: string, extra: Record<string, unknown> = {}) {
  return { id, status: s, timestamp: nowTs(), recipient_id: "16505551234", ...extra };
}

export function sign(raw: string, secret = "test-app-secret") {
  return "sha256=" + crypto.createHmac("sha256", secret).update(raw).digest("hex");
}
