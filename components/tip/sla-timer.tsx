"use client";
// A ticking SLA countdown. The server computed the state for its instant; the browser keeps the
// remaining time moving from the same due time (lib/sla/compute.ts is pure and shared).
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { formatRemaining, type Sla } from "@/lib/sla/compute";

const COLOURS = { ok: "text-green-800", dueSoon: "text-amber-700", breached: "text-red-700 font-semibold", met: "text-slate-600" } as const;

export function SlaTimer({ sla, frozen = false }: { sla: Sla; frozen?: boolean }) {
  const t = useTranslations("tip");
  const [now, setNow] = useState<number | null>(null);
  // A closed tip's clock stopped at closing: show the final figure, do not tick.
  const running = !frozen;
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [running]);
  const remaining = now === null || !running ? sla.remainingMs : Date.parse(sla.dueAt) - now;
  const state = !running ? sla.state : remaining < 0 ? "breached" : sla.state === "breached" ? "dueSoon" : sla.state;
  return (
    <span className={COLOURS[state]} data-state={state} title={t(`slaPhase.${sla.phase}`)}>
      {state === "met" ? t("slaMet") : formatRemaining(remaining)} <span className="text-xs text-slate-500">· {t(`slaPhase.${sla.phase}`)}</span>
    </span>
  );
}
