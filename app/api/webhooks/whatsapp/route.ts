// WhatsApp Business Cloud API webhook (Meta). No session: requests are authenticated by the
// X-Hub-Signature-256 HMAC of the raw body. The work is in lib/ingest/meta/handle.ts.
import { handleMetaPost, handleMetaVerify } from "@/lib/ingest/meta/handle";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return handleMetaVerify(req);
}

export function POST(req: Request) {
  return handleMetaPost(req);
}
