"use client";
// The one SLA timer, in the queue's cells and on the tip page: it ticks once a second from one shared
// clock (one interval for the whole page, not one per timer), recomputing the state with the same
// function the server used (lib/sla/compute.ts), so it turns "due soon" and "late" on its own. Its
// words come from the caller, resolved once per render (ADR 0303).
import { useSyncExternalStore } from "react";
import { computeSla, formatRemaining, type SlaInput } from "@/lib/sla/compute";
import type { SlaTargets } from "@/lib/sla/targets";
import type { SlaLabels } from "./sla-labels";

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(fn: () => void) {
  listeners.add(fn);
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, 1000);
  return () => {
    listeners.delete(fn);
    if (!listeners.size) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const STYLE = {
  ok: "bg-green-50 text-green-800 ring-green-200",
  dueSoon: "bg-amber-50 text-amber-800 ring-amber-300",
  breached: "bg-red-100 text-red-800 ring-red-300",
  met: "bg-slate-100 text-slate-600 ring-slate-200",
} as const;

export function SlaTimer({
  tip,
  targets,
  serverNow,
  labels,
}: {
  tip: SlaInput;
  targets: SlaTargets;
  serverNow: number;
  labels: SlaLabels;
}) {
  const clock = useSyncExternalStore(
    subscribe,
    () => now,
    () => serverNow,
  );
  const sla = computeSla(tip, targets, clock);
  return (
    <span
      data-testid="sla"
      data-state={sla.state}
      data-breached={sla.breached}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 font-mono text-xs ring-1 ${STYLE[sla.state]}`}
    >
      <span className="sr-only">{`${labels.state[sla.state]}:`}</span>
      <span aria-hidden="true">{labels.phase[sla.phase]}</span>
      {sla.state === "met" ? labels.state.met : formatRemaining(sla.remainingMs)}
      {/* Racing its resolution clock in time, yet already breached: the first response came late. */}
      {sla.breached && sla.state !== "breached" && (
        <span className="rounded bg-red-100 px-1 font-sans text-red-800">{labels.missed}</span>
      )}
    </span>
  );
}
