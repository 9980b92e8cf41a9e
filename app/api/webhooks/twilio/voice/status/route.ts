// Twilio Voice call status callback: status and duration of the call message.
import { twilioWebhook } from "@/lib/ingest/webhook-routes";

export const dynamic = "force-dynamic";

export const POST = twilioWebhook.voiceStatus;
