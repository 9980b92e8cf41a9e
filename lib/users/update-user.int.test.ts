import { describe, expect, it } from "vitest";
import { db } from "../db";
import { actorOf, makeStation, makeUser } from "../testing/factories";
import { adminCreateUser } from "./admin-create-user";
import { updateUser } from "./update-user";
import { createStation, updateStation } from "../stations/stations";
import { verifyPassword } from "../auth/password";
import type { Actor } from "../auth/guard";

async function adminActor(): Promise<Actor> {
  return actorOf(await makeUser({ role: "ADMIN" }));
}

describe("admin user and station changes", () => {
  it("are applied and audited in the same transaction", async () => {
    const actor = await adminActor();
    const station = await makeStation();
    const created = await adminCreateUser(actor, { username: "si.audit", name: "SI Audit", password: "a-long-password", role: "OFFICER", districtWide: true });
    await updateUser(actor, { field: "station", userId: created.id, value: station.id });
    await updateUser(actor, { field: "role", userId: created.id, value: "SUPERVISOR" });
    await updateUser(actor, { field: "password", userId: created.id, value: "another-long-password" });
    await updateUser(actor, { field: "active", userId: created.id, value: false });

    const user = await db.user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ stationId: station.id, role: "SUPERVISOR", active: false });
    expect(await verifyPassword(user.passwordHash, "another-long-password")).toBe(true);

    const rows = await db.auditLog.findMany({ where: { targetId: created.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["user.create", "user.station", "user.role", "user.password.reset", "user.active"]);
    expect(rows.every((r) => r.actorId === actor.id)).toBe(true);
    // Never the password, not even hashed, in the audit trail.
    expect(JSON.stringify(rows.map((r) => r.detail))).not.toContain("another-long-password");
  });

  it("refuses to let an admin disable or demote themselves", async () => {
    const actor = await adminActor();
    await expect(updateUser(actor, { field: "active", userId: actor.id, value: false })).rejects.toThrow();
    await expect(updateUser(actor, { field: "role", userId: actor.id, value: "OFFICER" })).rejects.toThrow();
  });

  it("creates, renames and deactivates a station, audited", async () => {
    const actor = await adminActor();
    const s = await createStation(actor, { name: "Thana Audit", nameHi: "थाना ऑडिट" });
    await updateStation(actor, s.id, { name: "Thana Audit 2", active: false });
    const row = await db.policeStation.findUniqueOrThrow({ where: { id: s.id } });
    expect(row).toMatchObject({ name: "Thana Audit 2", active: false });
    const actions = (await db.auditLog.findMany({ where: { targetId: s.id } })).map((r) => r.action);
    expect(actions).toEqual(["station.create", "station.update"]);
    await expect(createStation(actor, { name: "Thana Audit 2" })).rejects.toThrow();
  });
});
