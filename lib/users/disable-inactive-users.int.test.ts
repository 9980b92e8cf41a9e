// Accounts unused for 90 days are disabled by the daily job (ADR 0016); the job never touches the
// audit trail, which no retention job shortens.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { auditNow } from "../audit";
import { makeUser } from "../testing/factories";
import { disableInactiveUsers } from "./disable-inactive-users";
import { registerHandlers } from "../jobs/handlers";
import { drain } from "../jobs/worker";
import { scheduleRecurring } from "../jobs/recurring";

const days = (n: number) => new Date(Date.now() - n * 86_400_000);

describe("inactive accounts", () => {
  it("are disabled after 90 days without a sign-in, keeping the last active admin", async () => {
    await db.user.updateMany({ data: { active: false } });
    // The daily-job test may have disabled (and audited) an account of its own already.
    const audited = () => db.auditLog.count({ where: { action: "user.inactive.disabled" } });
    const auditedBefore = await audited();
    const stale = await makeUser({ lastSignInAt: days(91) });
    const neverUsed = await makeUser({ createdAt: days(120) });
    const recent = await makeUser({ lastSignInAt: days(89) });
    const newcomer = await makeUser();
    const onlyAdmin = await makeUser({ role: "ADMIN", lastSignInAt: days(200) });
    const disabled = await disableInactiveUsers();
    expect(disabled.sort()).toEqual([stale.username, neverUsed.username].sort());
    const active = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).active;
    expect(await active(recent.id)).toBe(true);
    expect(await active(newcomer.id)).toBe(true);
    expect(await active(onlyAdmin.id)).toBe(true);
    // With another active admin, the unused one goes too.
    await makeUser({ role: "ADMIN" });
    expect(await disableInactiveUsers()).toEqual([onlyAdmin.username]);
    expect(await audited()).toBe(auditedBefore + 3);
  });

  it("run as the daily job, which leaves even year-old audit rows alone", async () => {
    await auditNow({ action: "test.recent" });
    const old = await db.auditLog.create({
      data: { action: "test.old", at: days(400), prevHash: "0".repeat(64), hash: "f".repeat(64) },
    });
    const before = await db.auditLog.count();
    const stale = await makeUser({ lastSignInAt: days(100) });
    registerHandlers();
    await scheduleRecurring("maintenance.daily");
    expect(await drain()).toBeGreaterThan(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: stale.id } })).active).toBe(false);
    expect(await db.auditLog.count()).toBeGreaterThan(before);
    expect(await db.auditLog.findUnique({ where: { id: old.id } })).not.toBeNull();
    // It booked tomorrow's run.
    expect(await db.job.count({ where: { kind: "maintenance.daily", state: "PENDING" } })).toBe(1);
  });
});
