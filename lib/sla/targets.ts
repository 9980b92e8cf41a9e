// SLA targets per priority: minutes to first response and to resolution (docs/SLA.md).
// Defaults below; an admin may override them in the `Setting` row "sla.targets" (validated here,
// a bad value falls back to the defaults rather than stopping the queue).
import { z } from "zod";
import type { Priority } from "../generated/prisma/enums";

export const PRIORITIES = ["URGENT", "HIGH", "NORMAL", "LOW"] as const satisfies readonly Priority[];

export type SlaTargets = {
  /** Minutes from receipt to the first response (claim or reply). */
  firstResponse: Record<Priority, number>;
  /** Minutes from receipt to closing. */
  resolution: Record<Priority, number>;
  /** "Due soon" once this fraction of the target is left (0.25 → the last quarter). */
  dueSoonFraction: number;
};

export const DEFAULT_SLA: SlaTargets = {
  firstResponse: { URGENT: 5, HIGH: 15, NORMAL: 60, LOW: 240 },
  resolution: { URGENT: 4 * 60, HIGH: 24 * 60, NORMAL: 72 * 60, LOW: 7 * 24 * 60 },
  dueSoonFraction: 0.25,
};

export const SLA_SETTING_KEY = "sla.targets";

const minutes = z
  .number()
  .positive()
  .max(60 * 24 * 365);
const perPriority = z.object({ URGENT: minutes, HIGH: minutes, NORMAL: minutes, LOW: minutes });

export const slaTargetsSchema = z.object({
  firstResponse: perPriority,
  resolution: perPriority,
  dueSoonFraction: z.number().gt(0).lt(1).default(DEFAULT_SLA.dueSoonFraction),
});

/** A stored value (possibly partial or invalid) → complete targets. */
export function parseSlaTargets(value: unknown): SlaTargets {
  const merged =
    value && typeof value === "object"
      ? {
          ...DEFAULT_SLA,
          ...(value as object),
          firstResponse: {
            ...DEFAULT_SLA.firstResponse,
            ...((value as { firstResponse?: object }).firstResponse ?? {}),
          },
          resolution: { ...DEFAULT_SLA.resolution, ...((value as { resolution?: object }).resolution ?? {}) },
        }
      : DEFAULT_SLA;
  const parsed = slaTargetsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SLA;
}
