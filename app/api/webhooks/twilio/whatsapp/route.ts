// Twilio WhatsApp inbound messages (form-encoded, X-Twilio-Signature). Work: lib/ingest/twilio.
import { handleTwilio } from "@/lib/ingest/twilio/handle";
import { twilioWhatsApp } from "@/lib/ingest/twilio/normalise";

export const dynamic = "force-dynamic";

export function POST(req: Request) {
  return handleTwilio(req, (p) => twilioWhatsApp(p));
}
