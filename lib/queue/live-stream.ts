// The queue's live stream (/api/live; the dashboard listens to it too): every live event the viewer
// may see, as `tip` messages carrying ids and refs only (never text, never identity), on the one
// SSE stream of lib/live/sse.ts (cursor catch-up, heartbeat, lease). The browser refetches the rows
// it names through its own scoped, filtered query.
import "server-only";
import type { LoggedEvent } from "../live/bus";
import { liveStream, type StreamMessage } from "../live/sse";
import { reaches, type Viewer } from "../auth/scope";

export { HEARTBEAT_MS } from "../live/sse";

type Forwarded = { type: string; tipId: string; ref: string; flagged?: boolean; direction?: string; watchId?: string };

/** Only what the browser needs to refetch a row and decide on a sound. */
function strip({ event: e }: LoggedEvent): Forwarded {
  const out: Forwarded = { type: e.type, tipId: e.tipId, ref: e.ref };
  if ("flagged" in e && e.flagged) out.flagged = true;
  if (e.type === "message.created") out.direction = e.direction;
  if (e.type === "watch.hit") out.watchId = e.watchId;
  return out;
}

/** A watch hit is for its owner, or for everyone when the watch is shared (ADR 0702). */
function forViewer(viewer: Viewer, { event: e }: LoggedEvent): boolean {
  return e.type !== "watch.hit" || e.shared || e.ownerId === viewer.id;
}

export function queueStream(
  viewer: Viewer,
  opts: { cursor: string | null; signal: AbortSignal; lease: () => Promise<boolean>; heartbeatMs?: number },
) {
  return liveStream({
    ...opts,
    // Station-bound officers hear only their station's tips (the tip's station when the log was read).
    message: (e): StreamMessage | null =>
      reaches(viewer, e.stationId) && forViewer(viewer, e) ? { event: "tip", data: strip(e) } : null,
  });
}
