// Sending deliveries the way providers do — many at once, again when unanswered — and keeping a
// ledger of every attempt (when it started and ended, and what came back), from which the figures
// and the "every 2xx is stored" checks are computed.
import type { Delivery } from "./deliveries";

export type Attempt = { id: string; attempt: number; start: number; end: number; status: number; error?: string };

export class Ledger {
  readonly attempts: Attempt[] = [];
  private byId = new Map<string, Attempt[]>();

  add(a: Attempt) {
    this.attempts.push(a);
    const list = this.byId.get(a.id) ?? [];
    list.push(a);
    this.byId.set(a.id, list);
  }
  of(id: string) {
    return this.byId.get(id) ?? [];
  }
  acknowledged(id: string) {
    return this.of(id).some((a) => is2xx(a.status));
  }
  count(pred: (a: Attempt) => boolean) {
    return this.attempts.reduce((n, a) => n + (pred(a) ? 1 : 0), 0);
  }
}

export const is2xx = (s: number) => s >= 200 && s < 300;
export const is4xx = (s: number) => s >= 400 && s < 500;
export const is5xx = (s: number) => s >= 500;

/** One attempt; a connection error or timeout is status 0 with the error's code. */
export async function send(
  base: string,
  d: Delivery,
  attempt: number,
  ledger: Ledger,
  timeoutMs = 60_000,
): Promise<Attempt> {
  const r = d.render(base, attempt);
  const start = performance.now();
  let status = 0;
  let error: string | undefined;
  try {
    const res = await fetch(base + r.path, {
      method: r.method,
      headers: r.headers,
      body: r.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    status = res.status;
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    error = cause?.code ?? (e as Error).name ?? "error";
  }
  const a = { id: d.id, attempt, start, end: performance.now(), status, error };
  ledger.add(a);
  return a;
}

/** Runs `fn` over `items` with at most `concurrency` at a time. */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, i: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Sends every delivery once; `concurrentCopies` of them are sent two or three times at the same
 * instant (a provider's retry racing its first try). `onProgress` sees how many are done.
 */
export async function burst(opts: {
  base: () => string;
  deliveries: Delivery[];
  ledger: Ledger;
  concurrency: number;
  concurrentCopies?: Set<string>;
  onProgress?: (done: number) => void | Promise<void>;
  timeoutMs?: number;
}) {
  let done = 0;
  await pool(opts.deliveries, opts.concurrency, async (d) => {
    const copies = opts.concurrentCopies?.has(d.id) ? 2 + (d.id.length % 2) : 1;
    await Promise.all(Array.from({ length: copies }, (_, c) => send(opts.base(), d, c, opts.ledger, opts.timeoutMs)));
    done++;
    await opts.onProgress?.(done);
  });
}

/** What a provider does with every valid delivery that got no 2xx: sends it again, until it does (bounded rounds). */
export async function redeliverUnacknowledged(opts: {
  base: string;
  deliveries: Delivery[];
  ledger: Ledger;
  concurrency: number;
  rounds?: number;
  timeoutMs?: number;
}) {
  let redelivered = 0;
  for (let round = 1; round <= (opts.rounds ?? 5); round++) {
    const pending = opts.deliveries.filter((d) => d.expect === "stored" && !opts.ledger.acknowledged(d.id));
    if (!pending.length) break;
    redelivered += pending.length;
    await pool(pending, opts.concurrency, (d) =>
      send(opts.base, d, opts.ledger.of(d.id).length, opts.ledger, opts.timeoutMs ?? 15_000),
    );
  }
  return redelivered;
}
