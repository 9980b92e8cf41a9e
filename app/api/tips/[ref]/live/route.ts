// Server-Sent Events for one open tip: tells the page that its tip or one of its messages changed
// (ids only; the page re-reads through its own scoped, audited render). The one stream of
// lib/live/sse.ts: it starts from the cursor the page rendered from, so a change committed while
// the page loaded is delivered on connect, and it ends when its lease no longer holds.
import { requireActor, streamLease } from "@/lib/auth/guard";
import { liveStream, requestedCursor, sseResponse } from "@/lib/live/sse";
import { findScopedTip } from "@/lib/tips/find-scoped-tip";
import { route } from "@/lib/http/route";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = route(async (req: Request, ctx: RouteContext<"/api/tips/[ref]/live">) => {
  const actor = await requireActor("tip:read");
  const { ref } = await ctx.params;
  const tip = await findScopedTip(db, actor, ref);
  return sseResponse(
    liveStream({
      cursor: requestedCursor(req),
      signal: req.signal,
      lease: streamLease(actor, "tip:read"),
      ready: { ref: tip.ref },
      message: ({ event }) => (event.tipId === tip.id ? { event: "changed", data: { type: event.type } } : null),
    }),
  );
});
