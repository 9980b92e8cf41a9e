// JSON error responses for the queue's route handlers: coded AppErrors keep their status, anything
// else is logged without detail and answered 500.
import "server-only";
import { AppError } from "../errors";

export function errorResponse(e: unknown): Response {
  if (e instanceof AppError) return Response.json({ error: e.code }, { status: e.status });
  console.error("[queue] route failed:", e instanceof Error ? e.message : "unknown");
  return Response.json({ error: "unavailable" }, { status: 500 });
}
