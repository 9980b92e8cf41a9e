// The SLA targets the dashboard measures breaches against, in seconds per priority, read from the
// queue's SLA configuration (lib/sla/: defaults, overridable by an admin).
import "server-only";
import type { Priority } from "../generated/prisma/enums";
import { slaTargets } from "../sla/settings";
import { DEFAULT_SLA, type SlaTargets as SlaMinutes } from "../sla/targets";

export type SlaSeconds = { firstResponse: Record<Priority, number>; resolution: Record<Priority, number> };

export function toSeconds(t: SlaMinutes): SlaSeconds {
  const secs = (m: Record<Priority, number>) => ({ URGENT: m.URGENT * 60, HIGH: m.HIGH * 60, NORMAL: m.NORMAL * 60, LOW: m.LOW * 60 });
  return { firstResponse: secs(t.firstResponse), resolution: secs(t.resolution) };
}

export const DEFAULT_TARGETS = toSeconds(DEFAULT_SLA);

export async function dashboardTargets(): Promise<SlaSeconds> {
  return toSeconds(await slaTargets());
}
