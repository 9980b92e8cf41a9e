// The first-response targets the dashboard measures breaches against, in seconds per priority.
// The queue owns SLA configuration (lib/sla/); this is the one seam the dashboard reads it
// through, so pointing it at lib/sla/ is a one-line change here.
import "server-only";
import type { Priority } from "../generated/prisma/enums";

export type SlaTargets = Record<Priority, number>;

/** Defaults from issue 4: urgent 5 min, high 15 min, normal 60 min; low 4 h. */
export const DEFAULT_FIRST_RESPONSE_TARGETS: SlaTargets = { URGENT: 5 * 60, HIGH: 15 * 60, NORMAL: 60 * 60, LOW: 4 * 60 * 60 };

export async function firstResponseTargets(): Promise<SlaTargets> {
  return DEFAULT_FIRST_RESPONSE_TARGETS;
}
