// Database outage: the app reaches PostgreSQL through a TCP proxy (tcp-proxy.ts) that is cut for
// `cutMs` in the middle of a steady stream of deliveries — refusing (every connection reset) or
// silently dropping (a partition; `blackhole`: one whose held connections never come back) — and
// then restored. While it is cut a webhook may only answer
// 5xx (or a 2xx that is stored), never a 4xx and never hang; after the restore the app recovers by
// itself (measured: the first 2xx, and the last failure); after redelivering everything that got no
// 2xx, nothing is lost and nothing stored twice. /api/health says "not ready" during the cut.
import { is2xx, is4xx, is5xx, Ledger, redeliverUnacknowledged, send, type Attempt } from "./burst";
import { corpus } from "./deliveries";
import { compare, type Outcome } from "./outcome";
import { healthOf } from "./servers";
import { waitFor } from "./stack";
import { launch } from "./target";
import { startTcpProxy } from "./tcp-proxy";

export type OutageOptions = {
  mode: "refuse" | "drop" | "blackhole";
  cutMs: number;
  rate: number;
  beforeMs: number;
  afterMs: number;
  seed?: number;
};

export const OUTAGE_MODES = {
  refuse: "refusing (connections reset)",
  drop: "silently dropping, then healed",
  blackhole: "silently dropping; held connections stay lost",
} as const;

/** A webhook still unanswered after this long counts as hanging (the contract: a 503 within 5 s; 3× for a loaded machine). */
export const ANSWER_BOUND_MS = 15_000;
/** Deliveries sent this long after the restore must all succeed: the app recovers by itself, in seconds. */
export const RECOVERED_WITHIN_MS = 5_000;

export async function runOutage(o: OutageOptions): Promise<Outcome> {
  const url = process.env.RELIABILITY_DATABASE_URL ?? "";
  const pgAt = new URL(url || "postgresql://127.0.0.1:5432/x");
  const proxy = await startTcpProxy({ host: pgAt.hostname, port: Number(pgAt.port || 5432) });
  // Orphaned jobs (a job whose DB connection died mid-run) are run again soon, so the check can wait for them.
  const t = await launch(`outage-${o.mode}`, "postgres", { via: proxy.urlFor, env: { JOB_STALE_SECONDS: "10" } }).catch(
    async (e) => {
      await proxy.close();
      throw e;
    },
  );
  try {
    const seed = o.seed ?? Date.now() % 1e9;
    const total = Math.round((o.rate * (o.beforeMs + o.cutMs + o.afterMs)) / 1000);
    const deliveries = corpus({ valid: total, seed, registerExotelCall: t.fake.addExotelCall });
    const ledger = new Ledger();
    const t0 = performance.now();
    let cutAt = Infinity;
    let restoredAt = Infinity;
    let healthMidCut = -1;
    const timers = [
      setTimeout(() => {
        proxy.setMode(o.mode);
        cutAt = performance.now();
      }, o.beforeMs),
      setTimeout(
        () => void healthOf(t.server.url, ANSWER_BOUND_MS).then((h) => (healthMidCut = h.status)),
        o.beforeMs + o.cutMs / 2,
      ),
      setTimeout(() => {
        proxy.setMode("open");
        restoredAt = performance.now();
      }, o.beforeMs + o.cutMs),
    ];
    const inFlight: Promise<Attempt>[] = [];
    for (let i = 0; i < deliveries.length; i++) {
      const due = t0 + (i * 1000) / o.rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inFlight.push(send(t.server.url, deliveries[i], 0, ledger, ANSWER_BOUND_MS));
    }
    await Promise.all(inFlight);
    timers.forEach(clearTimeout);
    // Forged and malformed deliveries are answered 401/400 before any database work: compare() checks those.
    const valid = new Set(deliveries.filter((d) => d.expect === "stored").map((d) => d.id));
    const first = ledger.attempts.filter((a) => valid.has(a.id));
    const during = first.filter((a) => a.start >= cutAt && a.start < restoredAt);
    const after = first.filter((a) => a.start >= restoredAt);
    const firstOk = Math.min(...after.filter((a) => is2xx(a.status)).map((a) => a.end));
    const lastBad = Math.max(restoredAt, ...after.filter((a) => !is2xx(a.status)).map((a) => a.end));
    const healthy = await waitFor(
      "health after the restore",
      async () => (await healthOf(t.server.url)).status === 200,
      60_000,
    ).then(
      () => true,
      () => false,
    );
    // A server that never became ready again is a failure already; redelivering to it would only hang.
    const redelivered = healthy
      ? await redeliverUnacknowledged({
          base: t.server.url,
          deliveries,
          ledger,
          concurrency: 16,
          timeoutMs: ANSWER_BOUND_MS,
        })
      : 0;
    // Verify jobs failed by the cut wait out a backoff of 30 s or more: don't wait for all of them
    // (each acknowledged callback must still have its job; a finished job, its call).
    const seen = await t.inspect({ waitMs: 20_000 });
    const out = compare(deliveries, ledger, seen.stored, { callsDone: seen.callsDone });
    const hung = first.filter((a) => a.status === 0);
    if (hung.length)
      out.violations.push(
        `${hung.length} webhooks got no answer within ${ANSWER_BOUND_MS} ms (${[...new Set(hung.map((a) => a.error))].join(", ")})`,
      );
    if (!Number.isFinite(firstOk)) out.violations.push("no 2xx after the database came back");
    const late = after.filter((a) => a.start - restoredAt >= RECOVERED_WITHIN_MS && !is2xx(a.status));
    if (late.length)
      out.violations.push(
        `${late.length} deliveries sent ${RECOVERED_WITHIN_MS / 1000} s or more after the restore failed (${late
          .slice(0, 5)
          .map((a) => a.status || a.error)
          .join(", ")})`,
      );
    // The cut must have cut: nothing sent during it can have committed and been answered before the restore.
    if (during.some((a) => is2xx(a.status) && a.end < restoredAt) || !during.some((a) => is5xx(a.status)))
      out.violations.push("the database was not cut off (2xx while cut, or no 5xx)");
    if (!healthy) out.violations.push("/api/health not ready again within 60 s of the restore");
    if (healthMidCut === 200) out.violations.push("/api/health said ready while the database was cut");
    if (t.server.child.exitCode !== null || t.server.child.signalCode !== null)
      out.violations.push("the server process died");
    out.violations.push(...seen.invariants, ...seen.logFaults.map((l) => `server log: ${l}`));
    const ms = (x: number) => (Number.isFinite(x) ? Math.round(x) : "never");
    out.figures = {
      mode: OUTAGE_MODES[o.mode],
      seed,
      "cut (ms)": ms(restoredAt - cutAt),
      ...out.figures,
      "valid deliveries sent during the cut": during.length,
      "their answers: 2xx / 4xx / 5xx / none": `${during.filter((a) => is2xx(a.status)).length} / ${during.filter((a) => is4xx(a.status)).length} / ${during.filter((a) => is5xx(a.status)).length} / ${during.filter((a) => a.status === 0).length}`,
      "of the 2xx, answered before the restore": during.filter((a) => is2xx(a.status) && a.end < restoredAt).length,
      "slowest answer to them (ms)": ms(Math.max(0, ...during.filter((a) => a.status).map((a) => a.end - a.start))),
      "/api/health mid-cut": healthMidCut === 0 ? "no answer" : healthMidCut,
      "recovery: first 2xx after restore (ms)": ms(firstOk - restoredAt),
      "recovery: last failure after restore (ms)": ms(lastBad - restoredAt),
      "failures among deliveries sent after restore": after.filter((a) => !is2xx(a.status)).length,
      "redelivered until acknowledged": redelivered,
      "proxy connections accepted / reset / black-holed": `${proxy.stats.accepted} / ${proxy.stats.reset} / ${proxy.stats.blackholed}`,
      "invariant violations": seen.invariants.length,
    };
    return out;
  } finally {
    await t.close();
    await proxy.close();
  }
}
