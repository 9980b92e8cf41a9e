// Twilio Voice: an incoming call opens or extends a tip, and Twilio gets TwiML — a bilingual
// greeting and a voicemail <Record>.
import { twilioWebhook } from "@/lib/ingest/webhook-routes";

export const dynamic = "force-dynamic";

export const POST = twilioWebhook.voice;
