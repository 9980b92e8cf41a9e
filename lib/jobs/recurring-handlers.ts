// The recurring jobs (lib/jobs/recurring.ts): each does its work, then books its next slot.
import "server-only";
import { registerHandler } from "./worker";
import { scheduleRecurring } from "./recurring";
import { writeAuditCheckpoint } from "../audit-anchor";
import { disableInactiveUsers } from "../users/disable-inactive-users";
import { pruneThrottle } from "../auth/throttle";
import { runRetention } from "../retention/run-retention";
import { warmRollups } from "../dashboard/warm-rollups";
import { log } from "../log";
import { escalateRequests } from "../requests/escalate";
import { escalateUnclaimedTips } from "../tips/unclaimed-escalate";

export function registerRecurringHandlers() {
  registerHandler("audit.checkpoint", async () => {
    const file = await writeAuditCheckpoint();
    if (file) log.info("audit checkpoint written", { file });
    await scheduleRecurring("audit.checkpoint", "next");
  });
  // Never touches AuditLog: the audit trail is not shortened by any retention job (ADR 0015).
  registerHandler("maintenance.daily", async () => {
    const disabled = await disableInactiveUsers();
    if (disabled.length) log.warn("inactive accounts disabled", { usernames: disabled.join(",") });
    await pruneThrottle();
    await scheduleRecurring("maintenance.daily", "next");
  });
  // Overdue action requests (ADR 0604), every 5 minutes; the next slot booked first as for retention.
  registerHandler("requests.escalate", async () => {
    await scheduleRecurring("requests.escalate", "next");
    const done = await escalateRequests();
    if (done.length) log.info("action requests escalated", { count: done.length });
  });
  // Unclaimed urgent tips (ADR 0609), every minute.
  registerHandler("tips.unclaimed", async () => {
    await scheduleRecurring("tips.unclaimed", "next");
    const done = await escalateUnclaimedTips();
    if (done.length) log.info("unclaimed urgent tips escalated", { count: done.length });
  });
  // The next slot is booked first, so a failed run still leaves tomorrow's queued.
  registerHandler("retention.run", async () => {
    await scheduleRecurring("retention.run", "next");
    await runRetention();
  });
  registerHandler("dashboard.rollups", async () => {
    await scheduleRecurring("dashboard.rollups", "next");
    await warmRollups();
  });
}
