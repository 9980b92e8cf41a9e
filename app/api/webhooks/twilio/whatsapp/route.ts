// Twilio WhatsApp inbound messages (form-encoded, X-Twilio-Signature). Work: lib/ingest/twilio.
import { twilioWebhook } from "@/lib/ingest/webhook-routes";

export const dynamic = "force-dynamic";

export const POST = twilioWebhook.whatsapp;
