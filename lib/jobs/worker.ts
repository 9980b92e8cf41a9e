// Runs job handlers in this process: polls every second (and at once when `kick()` is called),
// a few jobs at a time. Handlers must be idempotent: a crash after the work but before
// `complete` runs the job again.
import "server-only";
import { claim, complete, fail, releaseJobs, renewLocks, type ClaimedJob } from "./queue";
import { env } from "../env";
import { metrics } from "../metrics/registry";
import { log } from "../log";

export class PermanentJobError extends Error {}
export type Handler = (payload: unknown, job: ClaimedJob) => Promise<void>;

type State = {
  handlers: Map<string, Handler>;
  timer?: NodeJS.Timeout;
  /** Renews the locks of the jobs this process runs (a lease), see startWorker. */
  lease?: NodeJS.Timeout;
  running: boolean;
  kicked: boolean;
  /** Set by stopWorker: claim nothing more. */
  stopping: boolean;
  /** Jobs this process is running now, with their runs (a shutdown waits for them or releases them). */
  active: Map<bigint, Promise<void>>;
};
const g = globalThis as unknown as { __mukhbirWorker?: State };

function state(): State {
  g.__mukhbirWorker ??= { handlers: new Map(), running: false, kicked: false, stopping: false, active: new Map() };
  return g.__mukhbirWorker;
}

export function registerHandler(kind: string, handler: Handler) {
  state().handlers.set(kind, handler);
}

/** Processes due jobs until none is left; returns how many ran. Tests call this directly. */
export async function drain(max = 100): Promise<number> {
  const s = state();
  let ran = 0;
  while (ran < max && !s.stopping) {
    const jobs = await claim([...s.handlers.keys()], 4, env().JOB_STALE_SECONDS * 1000);
    if (!jobs.length) break;
    await Promise.all(
      jobs.map((job) => {
        const run = runOne(s.handlers.get(job.kind)!, job).finally(() => s.active.delete(job.id));
        s.active.set(job.id, run);
        return run;
      }),
    );
    ran += jobs.length;
  }
  return ran;
}

/**
 * For shutdown: claim nothing more, let running jobs finish within `graceMs`, and hand back the
 * ones that did not (PENDING again, the attempt not counted) so another instance runs them at once
 * instead of waiting for their lock to go stale.
 */
export async function stopWorker(graceMs: number) {
  const s = state();
  s.stopping = true;
  clearInterval(s.timer);
  s.timer = undefined;
  await Promise.race([Promise.allSettled([...s.active.values()]), new Promise((r) => setTimeout(r, graceMs).unref())]);
  clearInterval(s.lease);
  s.lease = undefined;
  const left = [...s.active.keys()];
  if (left.length) {
    await releaseJobs(left);
    log.warn("jobs released at shutdown", { jobs: left.map(String) });
  }
}

async function runOne(handler: Handler, job: ClaimedJob) {
  try {
    await handler(job.payload, job);
    await complete(job.id);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const final = await fail(job, message, { permanent: e instanceof PermanentJobError });
    metrics().jobFailures.inc({ kind: job.kind, final: String(final) });
    log.warn("job failed", { job: String(job.id), kind: job.kind, attempt: job.attempts, final, error: message });
  }
}

export function startWorker(intervalMs = 1000) {
  const s = state();
  if (s.timer) return;
  const tick = async () => {
    if (s.running) return void (s.kicked = true);
    s.running = true;
    try {
      do {
        s.kicked = false;
        await drain();
      } while (s.kicked);
    } catch (e) {
      log.error("worker tick failed", { error: e instanceof Error ? e.message : String(e) });
    } finally {
      s.running = false;
    }
  };
  s.timer = setInterval(tick, intervalMs);
  s.timer.unref();
  // A lease on running jobs: their locks are renewed four times per JOB_STALE_SECONDS, so a job
  // whose lock goes stale belongs to a process that died (kill -9, a lost host) and another instance
  // runs it within that time, while a long job of a live process (a large media fetch) is never taken.
  const renewEvery = Math.max(1000, (env().JOB_STALE_SECONDS * 1000) / 4);
  s.lease = setInterval(() => {
    const ids = [...s.active.keys()];
    if (ids.length)
      renewLocks(ids).catch((e) =>
        log.warn("job lease renewal failed", { error: e instanceof Error ? e.message : String(e) }),
      );
  }, renewEvery);
  s.lease.unref();
}

/** Ask the worker to look for work now (after a commit that enqueued some). */
export function kick() {
  const s = state();
  if (!s.timer) return;
  void (async () => {
    if (s.running) return void (s.kicked = true);
    await drain().catch(() => undefined);
  })();
}
