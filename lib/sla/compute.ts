// What a timer shows of the SLA rule (lib/sla/rule.ts) at an instant: the queue's cells and the tip
// page use this one computation (and one <SlaTimer>), on the server and ticking in the browser.
import { ms, runningClock, slaBreached, slaSeconds, type SlaClock, type SlaSeconds, type SlaTip } from "./rule";
import type { SlaTargets } from "./targets";

export type SlaState = "ok" | "dueSoon" | "breached" | "met";
export type SlaPhase = SlaClock;
export type SlaInput = SlaTip;

export type Sla = {
  /** Open: the running clock's state (breached = overdue). Closed: met, or breached if either clock missed. */
  state: SlaState;
  /** Open: the clock it is racing. Closed: the clock that missed (resolution when none did). */
  phase: SlaPhase;
  /** When that clock runs (or ran) out (ISO). */
  dueAt: string;
  /** Milliseconds left (negative once late); for a closed tip, as it stood when its clock stopped. */
  remainingMs: number;
  /** The verdict the dashboard counts: a target was missed (for an open tip, maybe its first response already). */
  breached: boolean;
};

// Per targets object (one per request, or per page in the browser), not per row and tick.
const seconds = new WeakMap<SlaTargets, SlaSeconds>();
function secondsOf(targets: SlaTargets): SlaSeconds {
  let s = seconds.get(targets);
  if (!s) seconds.set(targets, (s = slaSeconds(targets)));
  return s;
}

export function computeSla(tip: SlaInput, targets: SlaTargets, now: number = Date.now()): Sla {
  const secs = secondsOf(targets);
  const breached = slaBreached(tip, secs, now);
  const received = ms(tip.receivedAt);
  if (tip.closedAt) {
    const closed = ms(tip.closedAt);
    const frDue = received + secs.firstResponse[tip.priority] * 1000;
    const frEnd = tip.firstResponseAt ? ms(tip.firstResponseAt) : closed;
    const resDue = received + secs.resolution[tip.priority] * 1000;
    // A closed tip that missed only its first response shows that clock, late by how much.
    const [phase, due, end]: [SlaPhase, number, number] =
      closed <= resDue && frEnd > frDue ? ["firstResponse", frDue, frEnd] : ["resolution", resDue, closed];
    return {
      state: breached ? "breached" : "met",
      phase,
      dueAt: new Date(due).toISOString(),
      remainingMs: due - end,
      breached,
    };
  }
  const { clock, targetMs, dueMs } = runningClock(tip, secs);
  const remainingMs = dueMs - now;
  const state: SlaState =
    remainingMs < 0 ? "breached" : remainingMs <= targetMs * targets.dueSoonFraction ? "dueSoon" : "ok";
  return { state, phase: clock, dueAt: new Date(dueMs).toISOString(), remainingMs, breached };
}

/** "-1:05:09" style countdown text; the sign shows lateness. */
export function formatRemaining(remainingMs: number): string {
  const late = remainingMs < 0;
  let s = Math.floor(Math.abs(remainingMs) / 1000);
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  const body = d ? `${d}d ${pad(h)}:${pad(m)}` : h ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
  return (late ? "-" : "") + body;
}
