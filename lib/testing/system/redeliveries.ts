// Redeliveries and forgeries: thousands of signed deliveries from all three providers, some sent
// two or three times at the same instant and some again after the burst (as providers retry),
// forged and malformed ones among them. Afterwards exactly the valid messages are stored, each once,
// and the database invariants hold.
import { burst, Ledger, send, pool } from "./burst";
import { corpus, rng } from "./deliveries";
import { judgeRun, type Outcome } from "./outcome";
import { launch, type Engine } from "./target";

export type RedeliveryOptions = { engine: Engine; valid: number; concurrency?: number; seed?: number };

export async function runRedeliveries(o: RedeliveryOptions): Promise<Outcome> {
  const t = await launch(`redeliveries-${o.engine}`, o.engine);
  try {
    const seed = o.seed ?? Date.now() % 1e9;
    const deliveries = corpus({ valid: o.valid, seed, registerExotelCall: t.fake.addExotelCall });
    // 10 % of the valid ones are redelivered: half at the same instant as the first try, half later.
    const r = rng(seed + 1);
    const valid = deliveries.filter((d) => d.expect === "stored");
    const concurrent = new Set(valid.filter(() => r.next() < 0.05).map((d) => d.id));
    const later = valid.filter(() => r.next() < 0.05);
    const ledger = new Ledger();
    const t0 = performance.now();
    await burst({
      base: () => t.server.url,
      deliveries,
      ledger,
      concurrency: o.concurrency ?? 16,
      concurrentCopies: concurrent,
    });
    await pool(later, o.concurrency ?? 16, (d) => send(t.server.url, d, ledger.of(d.id).length, ledger));
    const seconds = (performance.now() - t0) / 1000;
    const out = await judgeRun(t, o.engine, deliveries, ledger);
    out.figures = {
      engine: o.engine,
      seed,
      ...out.figures,
      "redelivered at once / later": `${concurrent.size} / ${later.length}`,
      "requests per second": Math.round(ledger.attempts.length / seconds),
      "invariant violations": out.invariants,
    };
    return out;
  } finally {
    await t.close();
  }
}
