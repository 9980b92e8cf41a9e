// Twilio Voice: an incoming call opens or extends a tip, and Twilio gets TwiML — a bilingual
// greeting and a voicemail <Record>.
import { handleTwilio, voicemailTwiml } from "@/lib/ingest/twilio/handle";
import { twilioCall } from "@/lib/ingest/twilio/normalise";

export const dynamic = "force-dynamic";

export function POST(req: Request) {
  return handleTwilio(req, (p) => twilioCall(p, "incoming"), () => voicemailTwiml());
}
