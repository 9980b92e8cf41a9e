// Demo mode only on purpose (ADR 0013): a start outside demo mode disables the demo accounts (their
// passwords are published), also ones created before the `demo` flag existed, and nobody else.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { hashPassword } from "../auth/password";
import { makeUser } from "../testing/factories";
import { disableDemoUsers } from "./disable-demo-users";

describe("a start outside demo mode", () => {
  it("disables demo users, flagged or still on the published password, and ends their sessions", async () => {
    const flagged = await makeUser({ username: "demo.someone", demo: true });
    const legacy = await makeUser({ username: "supervisor", passwordHash: await hashPassword("mukhbir-supervisor") });
    // A real account that happens to be called "admin" but has its own password stays.
    const real = await makeUser({
      username: "admin",
      role: "ADMIN",
      passwordHash: await hashPassword("a-real-admin-password"),
    });
    expect((await disableDemoUsers()).sort()).toEqual(["demo.someone", "supervisor"]);
    const after = await db.user.findMany({
      where: { id: { in: [flagged.id, legacy.id, real.id] } },
      select: { id: true, active: true, sessionVersion: true },
    });
    expect(after.find((u) => u.id === flagged.id)).toMatchObject({
      active: false,
      sessionVersion: flagged.sessionVersion + 1,
    });
    expect(after.find((u) => u.id === legacy.id)).toMatchObject({ active: false });
    expect(after.find((u) => u.id === real.id)).toMatchObject({ active: true });
    expect(await db.auditLog.count({ where: { action: "user.demo.disabled" } })).toBe(2);
    expect(await disableDemoUsers()).toEqual([]);
  });
});
