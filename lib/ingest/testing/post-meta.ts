// The WhatsApp webhook's route handler called as Meta calls it: a JSON body signed with the app
// secret of vitest.config.ts (X-Hub-Signature-256).
import { metaWebhook } from "../webhook-routes";
import { sign } from "./meta-fixtures";

export function postMetaRaw(body: string) {
  return metaWebhook.POST(
    new Request("https://mukhbir.example.in/api/webhooks/whatsapp", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-hub-signature-256": sign(body) },
    }),
  );
}

export const postMeta = (payload: unknown) => postMetaRaw(JSON.stringify(payload));
