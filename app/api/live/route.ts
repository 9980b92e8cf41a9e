import { requireActor, streamLease } from "@/lib/auth/guard";
import { liveStream } from "@/lib/queue/live-stream";
import { errorResponse } from "@/lib/queue/http";

export const dynamic = "force-dynamic";

/** Live queue events as Server-Sent Events (ids only; scoped to what the viewer may see). */
export async function GET(request: Request) {
  try {
    const actor = await requireActor("queue:read");
    return new Response(liveStream(actor, request.signal, streamLease(actor, "queue:read")), {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        "X-Accel-Buffering": "no",
        Connection: "keep-alive",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
