// Twilio recording status callback: the voicemail becomes an attachment to fetch.
import { twilioWebhook } from "@/lib/ingest/webhook-routes";

export const dynamic = "force-dynamic";

export const POST = twilioWebhook.recording;
