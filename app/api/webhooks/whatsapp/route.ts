// WhatsApp Business Cloud API webhook (Meta). No session: requests are authenticated by the
// X-Hub-Signature-256 HMAC of the raw body. The work is in lib/ingest/meta/handle.ts.
import { metaWebhook } from "@/lib/ingest/webhook-routes";

export const dynamic = "force-dynamic";

export const GET = metaWebhook.GET;
export const POST = metaWebhook.POST;
