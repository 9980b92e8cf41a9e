// An admin saves the per-priority request rules (ADR 0608): each priority's default due time and
// whether its briefs go to the station first and are reviewed after. Checked here (the form's own
// limits are only a help), saved as the `requests` Setting the editor and the drafting read, audited
// with the values before and after. Bad input changes nothing.
import "server-only";
import { db } from "../db";
import { saveSetting } from "../save-setting";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../auth/scope";
import { PRIORITIES, REQUEST_SETTING_KEY, requestSettings, type RequestSettings } from "./settings";

export const MAX_DUE_HOURS = 24 * 30;
const MAX_ESCALATE_MINUTES = 7 * 24 * 60;
/** The same bound as the stored setting's schema (lib/requests/settings.ts). */
const MAX_UNCLAIMED_MINUTES = 24 * 60;

/**
 * Form fields: `due.<PRIORITY>` (hours), `first.<PRIORITY>` (checkbox), `escalateAfterMinutes`,
 * `unclaimedAlertMinutes` and `unclaimedPageMinutes` (ADR 0609).
 */
export type RequestSettingsForm = Record<string, string | undefined>;

const number = (v: string | undefined) => (v === undefined || v.trim() === "" ? NaN : Number(v.trim()));

/** The settings a form describes, or the coded error of its first bad field. */
export function parseRequestSettings(form: RequestSettingsForm): RequestSettings {
  const dueHours = {} as RequestSettings["dueHours"];
  for (const p of PRIORITIES) {
    const h = number(form[`due.${p}`]);
    if (!Number.isFinite(h) || h <= 0 || h > MAX_DUE_HOURS)
      throw new AppError("dueHoursInvalid", "due hours out of range", { field: `due.${p}`, max: MAX_DUE_HOURS });
    dueHours[p] = h;
  }
  const minutes = number(form.escalateAfterMinutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_ESCALATE_MINUTES)
    throw new AppError("escalateMinutesInvalid", "escalation minutes out of range", {
      field: "escalateAfterMinutes",
      max: MAX_ESCALATE_MINUTES,
    });
  const unclaimed = (field: "unclaimedAlertMinutes" | "unclaimedPageMinutes") => {
    const m = number(form[field]);
    if (!Number.isInteger(m) || m < 0 || m > MAX_UNCLAIMED_MINUTES)
      throw new AppError("unclaimedMinutesInvalid", "unclaimed-tip minutes out of range", {
        field,
        max: MAX_UNCLAIMED_MINUTES,
      });
    return m;
  };
  const sendFirst = PRIORITIES.filter((p) => form[`first.${p}`] === "on");
  return {
    dueHours,
    sendFirst,
    escalateAfterMinutes: minutes,
    unclaimedAlertMinutes: unclaimed("unclaimedAlertMinutes"),
    unclaimedPageMinutes: unclaimed("unclaimedPageMinutes"),
  };
}

export async function saveRequestSettings(actor: Viewer & { ip?: string | null }, form: RequestSettingsForm) {
  const next = parseRequestSettings(form);
  const value = next as unknown as Prisma.InputJsonValue;
  await db.$transaction(async (tx) => {
    // Serialises two admins saving at once, so each audit row's "from" is what it replaced.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${REQUEST_SETTING_KEY}))`;
    const before = await requestSettings(tx);
    await saveSetting(tx, actor, {
      key: REQUEST_SETTING_KEY,
      value,
      action: "settings.requests",
      detail: { from: before, to: value } as unknown as Prisma.InputJsonValue,
    });
  });
  return next;
}
