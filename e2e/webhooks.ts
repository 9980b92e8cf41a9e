// Builds provider webhooks in their documented shapes and posts them signed, as the provider would.
import crypto from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { E2E } from "./env";

export const PHONE_NUMBER_ID = E2E.serverEnv.WHATSAPP_PHONE_NUMBER_IDS.split(",")[0];

let n = 0;
export function wamid() {
  n += 1;
  return `wamid.HBgM${Date.now().toString(36)}${process.pid}${n}${crypto.randomBytes(6).toString("hex")}`.toUpperCase();
}

/** A WhatsApp Cloud API `messages` webhook carrying one message (Meta's documented envelope). */
export function whatsappMessage(opts: { from: string; name?: string; message: Record<string, unknown> }) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: opts.name ?? "Test Informant" }, wa_id: opts.from }],
              messages: [{ from: opts.from, id: wamid(), timestamp: String(Math.floor(Date.now() / 1000)), ...opts.message }],
            },
          },
        ],
      },
    ],
  };
}

export function whatsappText(from: string, body: string, name?: string) {
  return whatsappMessage({ from, name, message: { type: "text", text: { body } } });
}

export function signMeta(raw: string) {
  return "sha256=" + crypto.createHmac("sha256", E2E.serverEnv.WHATSAPP_APP_SECRET).update(raw).digest("hex");
}

export async function postWhatsApp(request: APIRequestContext, payload: unknown) {
  const raw = JSON.stringify(payload);
  return request.post(`${E2E.baseUrl}/api/webhooks/whatsapp`, {
    data: raw,
    headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(raw) },
  });
}
