// Twilio message status callbacks: update our outbound messages by MessageSid.
import { twilioWebhook } from "@/lib/ingest/webhook-routes";

export const dynamic = "force-dynamic";

export const POST = twilioWebhook.status;
