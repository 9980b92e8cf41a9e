// Twilio message status callbacks: update our outbound messages by MessageSid.
import { handleTwilio } from "@/lib/ingest/twilio/handle";
import { twilioMessageStatus } from "@/lib/ingest/twilio/normalise";

export const dynamic = "force-dynamic";

export function POST(req: Request) {
  return handleTwilio(req, (p) => twilioMessageStatus(p));
}
