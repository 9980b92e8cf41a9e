// Prometheus metrics of this process for the operator's scraper (bearer METRICS_TOKEN; 404 when
// unset). The work is in lib/metrics (ADR 0801).
import { metricsRoute } from "@/lib/metrics/route";

export const dynamic = "force-dynamic";

export const GET = metricsRoute;
