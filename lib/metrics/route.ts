// /api/metrics' handler (app/api/metrics/route.ts re-exports it; tests call it): Prometheus text of
// this process (ADR 0801). Bearer METRICS_TOKEN only; 404 when no token is configured, 401 for
// anyone else (a signed-in session counts for nothing here).
import "server-only";
import { route } from "../http/route";
import { metricsAccess } from "./access";
import { scrapeMetrics } from "./scrape";

export const metricsRoute = route(async (req: Request) => {
  const access = metricsAccess(req);
  if (access === "off") return new Response("Not Found", { status: 404, headers: { "Cache-Control": "no-store" } });
  if (access === "refused")
    return new Response("Unauthorized", {
      status: 401,
      headers: { "Cache-Control": "no-store", "WWW-Authenticate": 'Bearer realm="metrics"' },
    });
  const { body, contentType } = await scrapeMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
