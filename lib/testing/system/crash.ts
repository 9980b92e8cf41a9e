// Crash: `kill -9` of the server's whole process group in the middle of a burst, a restart on the
// same port and data, then — as providers do — redelivery of every delivery that got no 2xx, until
// each has one. Nothing that ever got a 2xx may be missing, nothing may be stored twice.
import { Ledger, pool, redeliverUnacknowledged, send } from "./burst";
import { corpus } from "./deliveries";
import { openDatabase, storedCounts } from "./database";
import { judgeRun, type Outcome } from "./outcome";
import { launch, type Engine } from "./target";

export type CrashOptions = { engine: Engine; valid: number; kills: number; concurrency?: number; seed?: number };

export async function runCrash(o: CrashOptions): Promise<Outcome> {
  // Jobs the killed process was running are claimed again after 10 s (not 5 min), so the check can wait for them.
  const t = await launch(`crash-${o.engine}`, o.engine, { env: { JOB_STALE_SECONDS: "10" } });
  try {
    const seed = o.seed ?? Date.now() % 1e9;
    const concurrency = o.concurrency ?? 16;
    const deliveries = corpus({ valid: o.valid, seed, registerExotelCall: t.fake.addExotelCall });
    const ledger = new Ledger();
    // Kill when the k-th of `kills` evenly spaced deliveries starts: requests are in flight then.
    const killAt = new Set(
      Array.from({ length: o.kills }, (_, k) => Math.round(((k + 1) * deliveries.length) / (o.kills + 1))),
    );
    const restartMs: number[] = [];
    let down: Promise<void> | null = null;
    let started = 0;
    await pool(deliveries, concurrency, async (d) => {
      if (killAt.has(started++) && !down)
        down = (async () => {
          await t.server.kill();
          const t0 = performance.now();
          await t.restart();
          restartMs.push(Math.round(performance.now() - t0));
          down = null;
        })();
      const a = await send(t.server.url, d, ledger.of(d.id).length, ledger);
      // Like a provider, back off while the server is away; the delivery is retried below.
      if (a.status === 0 && down) await down;
    });
    while (down) await down;
    const unanswered = deliveries.filter((d) => d.expect === "stored" && !ledger.acknowledged(d.id));
    // Committed although the answer never arrived (the crash took it): the redelivery must be a duplicate.
    let committedUnanswered: number | string = "n/a (PGlite is held by the server)";
    if (t.databaseUrl) {
      const db = await openDatabase({ databaseUrl: t.databaseUrl });
      const early = await storedCounts(db.query).finally(() => db.close());
      committedUnanswered = unanswered.filter(
        (d) => d.tokens.length && d.tokens.every((x) => early.tokens.has(x)),
      ).length;
    }
    const redelivered = await redeliverUnacknowledged({ base: t.server.url, deliveries, ledger, concurrency });
    const out = await judgeRun(t, o.engine, deliveries, ledger);
    out.figures = {
      engine: o.engine,
      seed,
      "kill -9 mid-burst": o.kills,
      "restart to healthy (ms)": restartMs.join(", "),
      ...out.figures,
      "valid deliveries unanswered after the burst": unanswered.length,
      "of them committed before the crash": committedUnanswered,
      "redelivered until acknowledged": redelivered,
      "invariant violations": out.invariants,
    };
    return out;
  } finally {
    await t.close();
  }
}
