// One SLA computation for the queue, the tip page and the dashboard. Pure (no database), so the
// browser's ticking timer and the server agree on the state of a tip at a given instant.
import type { Priority, TipStatus } from "../generated/prisma/enums";
import type { SlaTargets } from "./targets";

export type SlaState = "ok" | "dueSoon" | "breached" | "met";
export type SlaPhase = "firstResponse" | "resolution";

export type SlaInput = {
  priority: Priority;
  status: TipStatus;
  receivedAt: Date | string;
  firstResponseAt: Date | string | null;
  closedAt: Date | string | null;
};

export type Sla = {
  state: SlaState;
  /** Which clock is running (or ran last, for closed tips). */
  phase: SlaPhase;
  /** When the running clock runs out (ISO). */
  dueAt: string;
  /** Milliseconds left (negative once late). */
  remainingMs: number;
};

const ms = (d: Date | string) => (typeof d === "string" ? Date.parse(d) : d.getTime());
const CLOSED: TipStatus[] = ["CLOSED", "MERGED"];

/**
 * Open tip without a first response → the first-response clock; afterwards the resolution clock.
 * Closed tips are "met" when closed within the resolution target, else "breached".
 */
export function computeSla(tip: SlaInput, targets: SlaTargets, now: number = Date.now()): Sla {
  const received = ms(tip.receivedAt);
  const closed = CLOSED.includes(tip.status);
  const phase: SlaPhase = !closed && !tip.firstResponseAt ? "firstResponse" : "resolution";
  const targetMs = targets[phase][tip.priority] * 60_000;
  const due = received + targetMs;
  if (closed) {
    const at = tip.closedAt ? ms(tip.closedAt) : now;
    return { state: at <= due ? "met" : "breached", phase, dueAt: new Date(due).toISOString(), remainingMs: due - at };
  }
  const remainingMs = due - now;
  const state: SlaState = remainingMs < 0 ? "breached" : remainingMs <= targetMs * targets.dueSoonFraction ? "dueSoon" : "ok";
  return { state, phase, dueAt: new Date(due).toISOString(), remainingMs };
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
