import { describe, expect, it } from "vitest";
import { can, PERMISSIONS } from "./permissions";

describe("permission table", () => {
  it("keeps admin pages to admins and the dashboard to supervisors and admins", () => {
    expect(can("OFFICER", "admin:users")).toBe(false);
    expect(can("SUPERVISOR", "admin:users")).toBe(false);
    expect(can("ADMIN", "admin:users")).toBe(true);
    expect(can("OFFICER", "dashboard:read")).toBe(false);
    expect(can("SUPERVISOR", "dashboard:read")).toBe(true);
    expect(can("OFFICER", "tip:assign")).toBe(false);
    expect(can(undefined, "queue:read")).toBe(false);
  });
  it("lets every role work the queue", () => {
    for (const role of ["OFFICER", "SUPERVISOR", "ADMIN"] as const) expect(can(role, "queue:read")).toBe(true);
    expect(Object.keys(PERMISSIONS).length).toBeGreaterThan(10);
  });
});
