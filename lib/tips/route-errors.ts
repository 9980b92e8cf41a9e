// Route handlers answer coded errors with their status and a code (never a stack or a message
// that could carry data); anything unexpected is logged without detail and answered 500.
import "server-only";
import { AppError } from "../errors";
import { log } from "../log";

export async function handleRoute(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError) return Response.json({ error: e.code }, { status: e.status, headers: { "Cache-Control": "no-store" } });
    log.error("route failed", { error: e instanceof Error ? e.name : "unknown" });
    return Response.json({ error: "unavailable" }, { status: 500 });
  }
}
