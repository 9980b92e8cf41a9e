// Twilio's WhatsApp sender: POST {base}/2010-04-01/Accounts/{sid}/Messages.json, form-encoded
// To=whatsapp:+…, From=TWILIO_WHATSAPP_FROM, Body. Basic auth with the account SID and token.
import "server-only";
import { z } from "zod";
import { env } from "../env";
import type { Address } from "../identity/address";
import { callProvider, ProviderError, retryable } from "./http";

const ok = z.object({ sid: z.string().min(1) });
const err = z.object({ code: z.number().optional(), message: z.string().optional() });

export function twilioForm(to: Address, body: string, from: string): URLSearchParams {
  if (to.kind !== "phone") throw new ProviderError("Twilio can only reach a phone number", true);
  const f = from.startsWith("whatsapp:") ? from : `whatsapp:${from}`;
  return new URLSearchParams({ To: `whatsapp:+${to.value}`, From: f, Body: body });
}

/** Sends one WhatsApp message through Twilio; returns the message SID (SM…). */
export async function sendTwilio(to: Address, body: string): Promise<string> {
  const e = env();
  if (!e.TWILIO_ACCOUNT_SID || !e.TWILIO_AUTH_TOKEN || !e.TWILIO_WHATSAPP_FROM)
    throw new ProviderError(
      "Twilio sending is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_WHATSAPP_FROM)",
      true,
    );
  const form = twilioForm(to, body, e.TWILIO_WHATSAPP_FROM);
  const url = `${e.TWILIO_API_BASE.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(e.TWILIO_ACCOUNT_SID)}/Messages.json`;
  const { status, body: res } = await callProvider(url, {
    headers: {
      authorization: "Basic " + Buffer.from(`${e.TWILIO_ACCOUNT_SID}:${e.TWILIO_AUTH_TOKEN}`).toString("base64"),
      "content-type": "application/x-www-form-urlencoded",
    },
    body: form.toString(),
  });
  if (status >= 200 && status < 300) {
    const parsed = ok.safeParse(res);
    if (!parsed.success) throw new ProviderError("Twilio answered without a message SID", false);
    return parsed.data.sid;
  }
  const e2 = err.safeParse(res);
  const detail = e2.success
    ? `${e2.data.code ? ` code ${e2.data.code}` : ""}${e2.data.message ? `: ${e2.data.message.slice(0, 300)}` : ""}`
    : "";
  throw new ProviderError(`Twilio HTTP ${status}${detail}`, !retryable(status));
}
