// Server-Sent Events for one open tip: tells the page that its tip or one of its messages changed
// (ids only; the page re-reads through its own scoped, audited render). Rides lib/live/bus.ts, so
// on PostgreSQL a change made through another app instance arrives too. Like the queue's stream it
// asks its lease again at every ping (lib/auth/guard.ts streamLease) and ends when it no longer holds.
import { requireActor, streamLease } from "@/lib/auth/guard";
import { subscribe } from "@/lib/live/bus";
import { findScopedTip } from "@/lib/tips/find-scoped-tip";
import { handleRoute } from "@/lib/tips/route-errors";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

const PING_MS = 25_000;

export async function GET(req: Request, ctx: RouteContext<"/api/tips/[ref]/live">) {
  return handleRoute(async () => {
    const actor = await requireActor("tip:read");
    const { ref } = await ctx.params;
    const tip = await findScopedTip(db, actor, ref);
    const enc = new TextEncoder();
    let stop = () => {};
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (event: string, data: unknown) => {
          try {
            controller.enqueue(enc.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
          } catch {
            stop();
          }
        };
        const unsubscribe = await subscribe((e) => {
          if (e.type === "resync") return send("changed", { type: "resync" });
          if ("tipId" in e && e.tipId === tip.id) send("changed", { type: e.type });
        });
        const lease = streamLease(actor, "tip:read");
        const ping = setInterval(async () => {
          if (await lease()) send("ping", {});
          else stop();
        }, PING_MS);
        stop = () => {
          clearInterval(ping);
          unsubscribe();
          try {
            controller.close();
          } catch {}
        };
        req.signal.addEventListener("abort", () => stop());
        send("ready", { ref: tip.ref });
        // Anything that changed between the page's render and this subscription would be missed:
        // compare with the render time the page passed, and ask for one refresh if so.
        const since = Date.parse(new URL(req.url).searchParams.get("since") ?? "");
        if (Number.isFinite(since) && (await changedSince(tip.id, new Date(since)))) send("changed", { type: "catchup" });
      },
      cancel() {
        stop();
      },
    });
    return new Response(stream, {
      headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no", Connection: "keep-alive" },
    });
  });
}

async function changedSince(tipId: string, since: Date) {
  const [tip, message, attachment] = await Promise.all([
    db.tip.count({ where: { id: tipId, updatedAt: { gt: since } } }),
    db.message.count({ where: { tipId, updatedAt: { gt: since } } }),
    db.attachment.count({ where: { message: { tipId }, updatedAt: { gt: since } } }),
  ]);
  return tip + message + attachment > 0;
}
