// The <Record> action: Twilio asks what to do after the caller finished. The recording itself
// arrives through the recording status callback; here we only thank the caller and hang up.
import { twilioWebhook } from "@/lib/ingest/webhook-routes";

export const dynamic = "force-dynamic";

export const POST = twilioWebhook.recorded;
