// The one wrapper for every route handler: a coded AppError is answered with its status and code
// (never a stack, nor a message that could carry data); Next's redirect/notFound pass through;
// anything else is logged by its name only and answered 500. Route files export
// `route(async (req, ctx) => …)`; webhooks answer their providers inside it (lib/ingest/http.ts).
import "server-only";
import { AppError, isNextControlFlow } from "../errors";
import { log } from "../log";

const NO_STORE = { "Cache-Control": "no-store" };

export function route<Args extends unknown[]>(handler: (...args: Args) => Response | Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (e) {
      if (e instanceof AppError) return Response.json({ error: e.code }, { status: e.status, headers: NO_STORE });
      if (isNextControlFlow(e)) throw e;
      log.error("route failed", { error: e instanceof Error ? e.name : "unknown" });
      return Response.json({ error: "unavailable" }, { status: 500, headers: NO_STORE });
    }
  };
}
