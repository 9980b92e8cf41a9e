// Who may scrape /api/metrics: only a bearer of METRICS_TOKEN, compared in constant time (both
// sides hashed first, so neither the length nor a prefix leaks). No token configured: the endpoint
// does not exist (404) — metrics show traffic shapes an outsider should not see.
import "server-only";
import crypto from "node:crypto";
import { env } from "../env";

export type MetricsAccess = "allowed" | "refused" | "off";

export function metricsAccess(req: Request): MetricsAccess {
  const token = env().METRICS_TOKEN;
  if (!token) return "off";
  return tokenMatches(req.headers.get("authorization"), token) ? "allowed" : "refused";
}

export function tokenMatches(header: string | null, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1]?.trim() ?? "";
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(token).digest();
  return crypto.timingSafeEqual(a, b) && given.length > 0;
}
