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
    const created = await adminCreateUser(actor, {
      username: "si.audit",
      name: "SI Audit",
      password: "a-long-password",
      role: "OFFICER",
      districtWide: true,
    });
    await updateUser(actor, { field: "station", userId: created.id, value: station.id });
    await updateUser(actor, { field: "role", userId: created.id, value: "SUPERVISOR" });
    await updateUser(actor, { field: "password", userId: created.id, value: "another-long-password" });
    await updateUser(actor, { field: "active", userId: created.id, value: false });

    const user = await db.user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ stationId: station.id, role: "SUPERVISOR", active: false });
    expect(await verifyPassword(user.passwordHash, "another-long-password")).toBe(true);

    const rows = await db.auditLog.findMany({ where: { targetId: created.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual([
      "user.create",
      "user.station",
      "user.role",
      "user.password.reset",
      "user.active",
    ]);
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

  it("needs a station for an officer unless the account is district-wide, and a strong password", async () => {
    const actor = await adminActor();
    await expect(
      adminCreateUser(actor, {
        username: "si.nostation",
        name: "SI None",
        password: "a-long-password",
        role: "OFFICER",
      }),
    ).rejects.toMatchObject({ code: "stationRequired" });
    await expect(
      adminCreateUser(actor, { username: "si.weak", name: "SI Weak", password: "qwerty123456", role: "SUPERVISOR" }),
    ).rejects.toMatchObject({ code: "weakPassword" });
    await expect(
      adminCreateUser(actor, { username: "si.short", name: "SI Short", password: "short-pw-1", role: "SUPERVISOR" }),
    ).rejects.toMatchObject({ code: "weakPassword" });
    const station = await makeStation();
    const created = await adminCreateUser(actor, {
      username: "si.bound",
      name: "SI Bound",
      password: "a-long-password",
      role: "OFFICER",
      stationId: station.id,
    });
    // Taking the station away is refused until the account is district-wide.
    await expect(updateUser(actor, { field: "station", userId: created.id, value: null })).rejects.toMatchObject({
      code: "stationRequired",
    });
    await updateUser(actor, { field: "districtWide", userId: created.id, value: true });
    await updateUser(actor, { field: "station", userId: created.id, value: null });
    await expect(updateUser(actor, { field: "districtWide", userId: created.id, value: false })).rejects.toMatchObject({
      code: "stationRequired",
    });
    await expect(
      updateUser(actor, { field: "password", userId: created.id, value: "password1234" }),
    ).rejects.toMatchObject({ code: "weakPassword" });
    expect(
      await db.user.findUniqueOrThrow({ where: { id: created.id }, select: { districtWide: true, stationId: true } }),
    ).toEqual({ districtWide: true, stationId: null });
  });
});
