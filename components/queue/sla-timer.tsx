"use client";
// The SLA cell ticks once a second from one shared clock (one interval for the whole page, not one
// per row), recomputing the state with the same function the server uses.
import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { computeSla, formatRemaining, type SlaInput } from "@/lib/sla/compute";
import type { SlaTargets } from "@/lib/sla/targets";

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

export function SlaTimer({ tip, targets, serverNow }: { tip: SlaInput; targets: SlaTargets; serverNow: number }) {
  const t = useTranslations("queue");
  const clock = useSyncExternalStore(subscribe, () => now, () => serverNow);
  const sla = computeSla(tip, targets, clock);
  return (
    <span data-testid="sla" data-state={sla.state} className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 font-mono text-xs ring-1 ${STYLE[sla.state]}`}>
      <span className="sr-only">{t(`sla.${sla.state}`)}:</span>
      <span aria-hidden="true">{t(`slaShort.${sla.phase}`)}</span>
      {sla.state === "met" ? t("sla.met") : formatRemaining(sla.remainingMs)}
    </span>
  );
}
