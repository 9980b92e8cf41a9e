// Twilio Voice call status callback: status and duration of the call message.
import { handleTwilio } from "@/lib/ingest/twilio/handle";
import { twilioCall } from "@/lib/ingest/twilio/normalise";

export const dynamic = "force-dynamic";

export function POST(req: Request) {
  return handleTwilio(req, (p) => twilioCall(p, "status"));
}
