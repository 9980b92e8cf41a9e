// App servers the queue specs and benches manage themselves: `next start` processes on free ports
// (lib/testing/system/servers.ts, shared with the reliability suite; its health check proves it
// reached its own child), plus a signed webhook to any of them.
import crypto from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { signMeta } from "./webhooks";

export { freePort, resetPostgres, startServer, type Server } from "../lib/testing/system/servers";

/** A signed WhatsApp text webhook to any server (e2e/webhooks.ts posts only to the shared one). */
export async function postWhatsAppTo(request: APIRequestContext, baseUrl: string, payload: unknown) {
  const raw = JSON.stringify(payload);
  return request.post(`${baseUrl}/api/webhooks/whatsapp`, {
    data: raw,
    headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(raw) },
  });
}

/** A random Indian mobile number for a test informant (never a real one: 9999 prefix block). */
export function testPhone() {
  return "9199990" + String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
}
