// WhatsApp Cloud API: POST {base}/{phone_number_id}/messages. Free text inside the 24-hour
// window; outside it the approved template named by WHATSAPP_REPLY_TEMPLATE, with the reply text
// as its one body parameter. Phone numbers go in `to`; a business-scoped user id (BSUID, sent
// for users who hide their number) goes in `recipient`.
import "server-only";
import { z } from "zod";
import { env } from "../env";
import type { Address } from "../identity/address";
import { callProvider, ProviderError, retryable } from "./http";

const ok = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });
const err = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.number().optional(),
    error_data: z.object({ details: z.string().optional() }).optional(),
  }),
});

/** Graph codes that are rate limits or temporary: worth retrying. */
const TRANSIENT_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004]);

export type WhatsAppSend = {
  to: Address;
  body: string;
  /** `params`: the template's body parameters (default: the message body as the one parameter). */
  template?: { name: string; lang: string; params?: string[] };
  phoneNumberId?: string;
};

export function whatsappPayload(s: WhatsAppSend): Record<string, unknown> {
  const who = s.to.kind === "bsuid" ? { recipient: s.to.value } : { to: s.to.value };
  const content = s.template
    ? {
        type: "template",
        template: {
          name: s.template.name,
          language: { code: s.template.lang },
          components: [
            { type: "body", parameters: (s.template.params ?? [s.body]).map((text) => ({ type: "text", text })) },
          ],
        },
      }
    : { type: "text", text: { preview_url: false, body: s.body } };
  return { messaging_product: "whatsapp", recipient_type: "individual", ...who, ...content };
}

/** Sends one message; returns the wamid. */
export async function sendWhatsApp(s: WhatsAppSend): Promise<string> {
  const e = env();
  const phoneNumberId = s.phoneNumberId ?? e.WHATSAPP_PHONE_NUMBER_IDS[0];
  if (!phoneNumberId || !e.WHATSAPP_ACCESS_TOKEN)
    throw new ProviderError(
      "WhatsApp sending is not configured (WHATSAPP_PHONE_NUMBER_IDS, WHATSAPP_ACCESS_TOKEN)",
      true,
    );
  const { status, body } = await callProvider(
    `${e.WHATSAPP_API_BASE.replace(/\/+$/, "")}/${encodeURIComponent(phoneNumberId)}/messages`,
    {
      headers: { authorization: `Bearer ${e.WHATSAPP_ACCESS_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(whatsappPayload(s)),
    },
  );
  if (status >= 200 && status < 300) {
    const parsed = ok.safeParse(body);
    if (!parsed.success) throw new ProviderError("WhatsApp answered without a message id", false);
    return parsed.data.messages[0].id;
  }
  const e2 = err.safeParse(body);
  const code = e2.success ? e2.data.error.code : undefined;
  const text = e2.success ? (e2.data.error.error_data?.details ?? e2.data.error.message ?? "") : "";
  throw new ProviderError(
    `WhatsApp HTTP ${status}${code ? ` code ${code}` : ""}${text ? `: ${text.slice(0, 300)}` : ""}`,
    !(retryable(status) || (code !== undefined && TRANSIENT_CODES.has(code))),
  );
}
