import { requireActor, streamLease } from "@/lib/auth/guard";
import { queueStream } from "@/lib/queue/live-stream";
import { requestedCursor, sseResponse } from "@/lib/live/sse";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Live queue events as Server-Sent Events from the page's cursor (ids only; scoped to what the viewer may see). */
export const GET = route(async (request: Request) => {
  const actor = await requireActor("queue:read");
  return sseResponse(
    queueStream(actor, {
      cursor: requestedCursor(request),
      signal: request.signal,
      lease: streamLease(actor, "queue:read"),
    }),
  );
});
