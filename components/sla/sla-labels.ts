// The SLA timer's words (the "sla" message namespace), resolved once per render and handed to every
// timer: the queue renders one per row and looks each word up once per table (ADR 0303). Not a
// client module, so server components (the tip header) build them too.
import type { SlaPhase, SlaState } from "@/lib/sla/compute";

export type SlaLabels = { state: Record<SlaState, string>; phase: Record<SlaPhase, string>; missed: string };

/** `short`: the queue's cells ("1st"); otherwise the clock's full name ("first response"). */
export function slaLabels(t: (key: string) => string, short = false): SlaLabels {
  const clock = short ? "clockShort" : "clock";
  return {
    state: { ok: t("state.ok"), dueSoon: t("state.dueSoon"), breached: t("state.breached"), met: t("state.met") },
    phase: { firstResponse: t(`${clock}.firstResponse`), resolution: t(`${clock}.resolution`) },
    missed: t(short ? "missedShort" : "missed"),
  };
}
