// Fuzz: property-based, signed deliveries of every provider and event type (fuzz-payloads.ts) sent
// to `next start` on PostgreSQL. The property: no answer is a 5xx (a provider would retry it for
// days), every request is answered, and afterwards the same server process is still up and healthy
// with nothing uncaught in its log and the database invariants intact.
import fc from "fast-check";
import { pool } from "./burst";
import { openDatabase } from "./database";
import { fuzzCase, type FuzzCase } from "./fuzz-payloads";
import type { Outcome } from "./outcome";
import { healthOf } from "./servers";
import { launch } from "./target";

export type FuzzOptions = { runs: number; concurrency?: number; seed?: number };

const CHUNK = 1000;

export async function runFuzz(o: FuzzOptions): Promise<Outcome> {
  const t = await launch("fuzz", "postgres");
  try {
    const seed = o.seed ?? Date.now() % 1e9;
    const byStatus = new Map<number, number>();
    const byProvider = new Map<string, number>();
    const refused = new Map<string, number>();
    const bad: string[] = [];
    let sent = 0;
    const t0 = performance.now();
    for (let chunk = 0; sent < o.runs; chunk++) {
      // Reproducible: chunk k of a run is fc.sample(fuzzCase, { seed: seed + k }).
      const cases = fc.sample(fuzzCase, { numRuns: Math.min(CHUNK, o.runs - sent), seed: seed + chunk });
      await pool(cases, o.concurrency ?? 16, async (c: FuzzCase) => {
        const r = c.render(t.server.url);
        let status = 0;
        let error = "";
        try {
          const res = await fetch(t.server.url + r.path, {
            method: r.method,
            headers: r.headers,
            body: r.body,
            signal: AbortSignal.timeout(30_000),
          });
          await res.arrayBuffer();
          status = res.status;
        } catch (e) {
          error = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
        }
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        byProvider.set(c.provider, (byProvider.get(c.provider) ?? 0) + 1);
        if (status >= 400 && status < 500) refused.set(c.provider, (refused.get(c.provider) ?? 0) + 1);
        if (status >= 500 || status === 0) bad.push(`${status || error} for ${c.what} (seed ${seed + chunk})`);
      });
      sent += cases.length;
      // The fake provider API keeps a log of every call the app made to it; not needed here.
      t.fake.calls.length = 0;
    }
    const seconds = (performance.now() - t0) / 1000;
    const health = await healthOf(t.server.url);
    const alive = t.server.child.exitCode === null && t.server.child.signalCode === null;
    const db = await openDatabase({ databaseUrl: t.databaseUrl });
    const [events] = await db
      .query<{ failed: number; repaired: number; total: number }>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE "status" = 'FAILED')::int AS failed, count(*) FILTER (WHERE "repairs" > 0)::int AS repaired FROM "WebhookEvent"`,
      )
      .finally(() => db.close());
    const seen = await t.inspect({ waitMs: 1 });
    const violations: string[] = [];
    if (bad.length)
      violations.push(`${bad.length} payloads answered 5xx or not at all: ${bad.slice(0, 10).join("; ")}`);
    if (!alive) violations.push("the server process died");
    if (health.status !== 200 || health.instance !== t.server.instance)
      violations.push(`server not healthy afterwards (${health.status})`);
    violations.push(...seen.invariants, ...seen.logFaults.map((l) => `server log: ${l}`));
    const count = (pred: (s: number) => boolean) => [...byStatus].reduce((n, [s, k]) => n + (pred(s) ? k : 0), 0);
    return {
      violations,
      figures: {
        seed,
        payloads: sent,
        "Meta / Twilio / Exotel": ["META", "TWILIO", "EXOTEL"].map((p) => byProvider.get(p) ?? 0).join(" / "),
        "2xx": count((s) => s >= 200 && s < 300),
        "4xx": count((s) => s >= 400 && s < 500),
        "4xx of Meta / Twilio / Exotel": ["META", "TWILIO", "EXOTEL"].map((p) => refused.get(p) ?? 0).join(" / "),
        "5xx": count((s) => s >= 500),
        "no answer": byStatus.get(0) ?? 0,
        "answers by status": [...byStatus]
          .sort(([a], [b]) => a - b)
          .map(([s, k]) => `${s}×${k}`)
          .join(" "),
        "webhook events stored / recorded as failed / with repairs": `${events.total} / ${events.failed} / ${events.repaired}`,
        "server still up and healthy": alive && health.status === 200 ? "yes" : "no",
        "payloads per second": Math.round(sent / seconds),
        "invariant violations": seen.invariants.length,
      },
    };
  } finally {
    await t.close();
  }
}
