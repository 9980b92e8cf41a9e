// The <Record> action: Twilio asks what to do after the caller finished. The recording itself
// arrives through the recording status callback; here we only thank the caller and hang up.
import { handleTwilio, thanksTwiml } from "@/lib/ingest/twilio/handle";

export const dynamic = "force-dynamic";

export function POST(req: Request) {
  return handleTwilio(req, null, () => thanksTwiml());
}
