// The process's Prometheus metrics (prom-client; ADR 0801). Counters and histograms count what THIS
// process saw since it started: behind a balancer each instance is a target of its own and
// Prometheus sums them (`sum by (provider, outcome) (rate(mukhbir_webhook_requests_total[5m]))`).
// The gauges read from the database at scrape time (jobs, open and breaching tips, locked sign-ins)
// are the same on every instance: aggregate them with max(), not sum().
// One registry per process, kept on globalThis: Next may load this module in several bundles (route
// handlers, server actions, instrumentation), which must all count into the same metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { openStreams } from "../lifecycle/shutdown";
import { AppError } from "../errors";

function create() {
  const registry = new Registry();
  // RSS, heap, event-loop lag, open handles: the process's footprint (prefixed like ours).
  collectDefaultMetrics({ register: registry, prefix: "mukhbir_" });
  const webhookRequests = new Counter({
    name: "mukhbir_webhook_requests_total",
    help: "Webhook requests answered by this process, by provider and outcome (ok, unauthorized, not_found, invalid, unavailable, error).",
    labelNames: ["provider", "outcome"] as const,
    registers: [registry],
  });
  const webhookSeconds = new Histogram({
    name: "mukhbir_webhook_ingest_seconds",
    help: "Time from a webhook request's arrival to its answer (verify, normalise, store: the provider's 2xx waits for the commit), by provider.",
    labelNames: ["provider"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
    registers: [registry],
  });
  const jobFailures = new Counter({
    name: "mukhbir_job_failures_total",
    help: "Job attempts that failed in this process, by kind and whether the failure was final (no retry left).",
    labelNames: ["kind", "final"] as const,
    registers: [registry],
  });
  const signInFailures = new Counter({
    name: "mukhbir_signin_failures_total",
    help: "Refused sign-ins in this process, by reason (password, code, locked).",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  const signInLockouts = new Counter({
    name: "mukhbir_signin_lockouts_total",
    help: "Failed sign-ins in this process that locked their username at that address.",
    registers: [registry],
  });
  new Gauge({
    name: "mukhbir_live_streams_open",
    help: "Live (Server-Sent Events) streams open in this process.",
    registers: [registry],
    collect() {
      this.set(openStreams());
    },
  });
  // Set by lib/metrics/scrape.ts from the database at each scrape.
  const jobs = new Gauge({
    name: "mukhbir_jobs",
    help: "Jobs not done, by kind and state (PENDING, RUNNING, FAILED = gave up), read from the job table at scrape.",
    labelNames: ["kind", "state"] as const,
    registers: [registry],
  });
  const tipsOpen = new Gauge({
    name: "mukhbir_tips_open",
    help: "Open tips (all stations), from the queue's view counters at scrape.",
    registers: [registry],
  });
  const tipsBreaching = new Gauge({
    name: "mukhbir_tips_breaching_sla",
    help: "Open tips breaching their SLA (lib/sla), from the queue's view counters at scrape.",
    registers: [registry],
  });
  const signInLocked = new Gauge({
    name: "mukhbir_signin_locked",
    help: "Username-and-address pairs locked out now, read at scrape.",
    registers: [registry],
  });
  return {
    registry,
    webhookRequests,
    webhookSeconds,
    jobFailures,
    signInFailures,
    signInLockouts,
    jobs,
    tipsOpen,
    tipsBreaching,
    signInLocked,
  };
}

export type Metrics = ReturnType<typeof create>;
const g = globalThis as unknown as { __mukhbirMetrics?: Metrics };
export function metrics(): Metrics {
  return (g.__mukhbirMetrics ??= create());
}

/** A webhook answer's status as the outcome label. */
export function webhookOutcome(status: number): string {
  if (status >= 200 && status < 300) return "ok";
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 503) return "unavailable";
  if (status >= 500) return "error";
  return "invalid";
}

/** Wraps a webhook handler: counts its answer by provider and outcome and times it. */
export function countedWebhook<Args extends unknown[]>(
  provider: "meta" | "twilio" | "exotel",
  handler: (...args: Args) => Response | Promise<Response>,
) {
  return async (...args: Args): Promise<Response> => {
    const m = metrics();
    const end = m.webhookSeconds.startTimer({ provider });
    try {
      const res = await handler(...args);
      m.webhookRequests.inc({ provider, outcome: webhookOutcome(res.status) });
      return res;
    } catch (e) {
      // route() answers a coded AppError with its status, anything else with a 500.
      m.webhookRequests.inc({ provider, outcome: webhookOutcome(e instanceof AppError ? e.status : 500) });
      throw e;
    } finally {
      end();
    }
  };
}
