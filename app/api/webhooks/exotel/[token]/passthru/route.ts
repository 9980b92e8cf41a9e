// Exotel Passthru applet: the flow may call it with GET (details in the query) or POST (a form,
// sometimes with the query too). Secret token in the path.
import { exotelWebhook } from "@/lib/ingest/webhook-routes";

export const dynamic = "force-dynamic";

export const GET = exotelWebhook.passthruGet;
export const POST = exotelWebhook.passthruPost;
