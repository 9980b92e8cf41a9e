// Exotel StatusCallback (POST, form-encoded) when a call ends: status, duration, recording.
import { exotelWebhook } from "@/lib/ingest/webhook-routes";

export const dynamic = "force-dynamic";

export const POST = exotelWebhook.status;
