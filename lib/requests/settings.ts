// Per-priority rules for action requests (ADR 0600): the default due time of a brief and whether a
// brief may go to the station first and be reviewed by a supervisor after. Stored in the Setting
// table under `requests` (an admin changes them at /admin/requests, ADR 0608); read fresh each time
// (drafting is rare).
import "server-only";
import { z } from "zod";
import { db, type Tx } from "../db";
import type { Priority } from "../generated/prisma/enums";
import { env } from "../env";

export const REQUEST_SETTING_KEY = "requests";

export const PRIORITIES = ["URGENT", "HIGH", "NORMAL", "LOW"] as const;
const hours = z
  .number()
  .positive()
  .max(24 * 30);

export const requestSettingsSchema = z.object({
  dueHours: z.object({ URGENT: hours, HIGH: hours, NORMAL: hours, LOW: hours }),
  /** Priorities whose briefs are released at once and approved after (urgent: the raid cannot wait). */
  sendFirst: z.array(z.enum(PRIORITIES)),
  /** Minutes after the due time at which an unacknowledged or unreported request escalates again (stage 2). */
  escalateAfterMinutes: z
    .number()
    .int()
    .positive()
    .max(7 * 24 * 60)
    .default(60),
  /** Minutes a new URGENT tip may sit unclaimed before the open desk queues start alerting (ADR 0609). */
  unclaimedAlertMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(() => env().DESK_UNCLAIMED_ALERT_MINUTES),
  /** Further minutes of alerting, unclaimed, before the SP Crime's desk (supervisor) is paged. */
  unclaimedPageMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(5),
});
export type RequestSettings = z.infer<typeof requestSettingsSchema>;

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
  dueHours: { URGENT: 2, HIGH: 12, NORMAL: 48, LOW: 120 },
  sendFirst: ["URGENT"],
  escalateAfterMinutes: 60,
  unclaimedAlertMinutes: 3,
  unclaimedPageMinutes: 5,
};

export async function requestSettings(client: Tx | typeof db = db): Promise<RequestSettings> {
  const row = await client.setting.findUnique({ where: { key: REQUEST_SETTING_KEY }, select: { value: true } });
  const parsed = row ? requestSettingsSchema.safeParse(row.value) : null;
  if (parsed?.success) return parsed.data;
  return { ...DEFAULT_REQUEST_SETTINGS, unclaimedAlertMinutes: env().DESK_UNCLAIMED_ALERT_MINUTES };
}

export function defaultDue(settings: RequestSettings, priority: Priority, now = Date.now()): Date {
  return new Date(now + settings.dueHours[priority] * 3_600_000);
}
