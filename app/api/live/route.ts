import { requireActor, streamLease } from "@/lib/auth/guard";
import { queueStream } from "@/lib/queue/live-stream";
import { requestedCursor, sseResponse } from "@/lib/live/sse";
import { handleRoute } from "@/lib/tips/route-errors";

export const dynamic = "force-dynamic";

/** Live queue events as Server-Sent Events from the page's cursor (ids only; scoped to what the viewer may see). */
export async function GET(request: Request) {
  return handleRoute(async () => {
    const actor = await requireActor("queue:read");
    return sseResponse(queueStream(actor, { cursor: requestedCursor(request), signal: request.signal, lease: streamLease(actor, "queue:read") }));
  });
}
