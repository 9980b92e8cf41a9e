// Twilio recording status callback: the voicemail becomes an attachment to fetch.
import { handleTwilio } from "@/lib/ingest/twilio/handle";
import { twilioCall } from "@/lib/ingest/twilio/normalise";

export const dynamic = "force-dynamic";

export function POST(req: Request) {
  return handleTwilio(req, (p) => twilioCall(p, "recording"));
}
