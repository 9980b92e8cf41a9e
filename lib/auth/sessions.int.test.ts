// Sessions that can be revoked (ADR 0011): the session version in the token is checked wherever the
// user is re-read; sign-out, "sign out everywhere", resets and changes of role, station or flag bump
// it; the absolute lifetime caps every renewal.
import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { decode } from "next-auth/jwt";
import { TOTP, Secret } from "otpauth";
import { db } from "../db";
import { actorOf, makeStation, makeUser } from "../testing/factories";
import { authOptions } from "./options";
import { streamLease } from "./guard";
import { signOutEverywhere } from "./sign-out-everywhere";
import { startEnrolment } from "./two-factor/start-enrolment";
import { confirmEnrolment } from "./two-factor/confirm-enrolment";
import { PERIOD_SECONDS } from "./two-factor/totp";
import { updateUser } from "../users/update-user";

const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);
const tokenFor = (
  u: { id: string; role: "OFFICER" | "SUPERVISOR" | "ADMIN"; username: string; sessionVersion: number },
  authAt = now(),
): JWT =>
  ({ uid: u.id, role: u.role, stationId: null, username: u.username, sv: u.sessionVersion, authAt, name: "x" }) as JWT;
const jwt = (token: JWT) => authOptions().callbacks!.jwt!({ token } as never);
const version = async (id: string) =>
  (await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

describe("session tokens", () => {
  it("hold while the user's session version is unchanged, and end once it is bumped or the user is disabled", async () => {
    const u = await makeUser();
    await expect(jwt(tokenFor(u))).resolves.toMatchObject({ uid: u.id });
    await db.user.update({ where: { id: u.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(jwt(tokenFor(u))).rejects.toThrow(/revoked/);
    const v = await makeUser({ active: false });
    await expect(jwt(tokenFor(v))).rejects.toThrow(/revoked/);
  });

  it("end at the absolute lifetime however active, and a renewal never reaches past it", async () => {
    const u = await makeUser();
    await expect(jwt(tokenFor(u, now() - 12 * HOUR - 5))).rejects.toThrow(/absolute/);
    // Re-issued one minute before the end with the 30-minute idle window: it expires at the end.
    const authAt = now() - 12 * HOUR + 60;
    const { jwt: jwtOptions, secret } = authOptions();
    const encoded = await jwtOptions!.encode!({ token: tokenFor(u, authAt), secret: secret!, maxAge: 30 * 60 });
    const decoded = await decode({ token: encoded, secret: secret! });
    expect(decoded!.exp as number).toBeLessThanOrEqual(authAt + 12 * HOUR);
    expect(decoded!.exp as number).toBeGreaterThan(now());
  });

  it("are ended by sign-out (on the server, for every copy of the cookie) and by sign out everywhere", async () => {
    const u = await makeUser();
    await authOptions().events!.signOut!({ token: tokenFor(u), session: null as never });
    expect(await version(u.id)).toBe(u.sessionVersion + 1);
    // A token that is already stale cannot be used to sign the user out again.
    await authOptions().events!.signOut!({ token: tokenFor(u), session: null as never });
    expect(await version(u.id)).toBe(u.sessionVersion + 1);
    await signOutEverywhere(actorOf({ ...u, sessionVersion: u.sessionVersion + 1 }));
    expect(await version(u.id)).toBe(u.sessionVersion + 2);
    expect(
      (await db.auditLog.findMany({ where: { targetId: u.id }, orderBy: { id: "asc" } })).map((r) => r.action),
    ).toEqual(["auth.signout", "auth.signout.everywhere"]);
  });

  it("are ended by every admin change that alters what the user may do, not by re-enabling", async () => {
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const station = await makeStation();
    const u = await makeUser({ stationId: station.id, districtWide: false });
    let v = u.sessionVersion;
    const changes = [
      { field: "station", userId: u.id, value: (await makeStation()).id },
      { field: "districtWide", userId: u.id, value: true },
      { field: "role", userId: u.id, value: "SUPERVISOR" },
      { field: "password", userId: u.id, value: "a-fresh-long-password" },
      { field: "secondFactor", userId: u.id, value: "reset" },
      { field: "active", userId: u.id, value: false },
    ] as const;
    for (const change of changes) {
      await updateUser(admin, change);
      expect(await version(u.id), change.field).toBe(++v);
    }
    await updateUser(admin, { field: "active", userId: u.id, value: true });
    expect(await version(u.id)).toBe(v);
  });

  it("end the live streams of a revoked session and at the absolute lifetime", async () => {
    const u = await makeUser();
    const lease = streamLease(actorOf(u), "queue:read", 60_000);
    expect(await lease()).toBe(true);
    await db.user.update({ where: { id: u.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await lease()).toBe(false);
    const fresh = await makeUser();
    const old = { ...actorOf(fresh), authAt: now() - 12 * HOUR };
    expect(await streamLease(old, "queue:read", 60_000)()).toBe(false);
  });
});

describe("second-factor enrolment", () => {
  it("needs a code from the shown secret, then stores it sealed, hands out ten recovery codes once and ends other sessions", async () => {
    const u = await makeUser({ role: "ADMIN" });
    const actor = { ...actorOf(u), mustEnrol: true };
    const { secret, qr } = await startEnrolment(actor);
    expect(qr).toMatch(/^data:image\/svg\+xml;base64,/);
    const stored = await db.user.findUniqueOrThrow({
      where: { id: u.id },
      select: { totpPendingSecret: true, totpSecret: true },
    });
    expect(stored.totpPendingSecret).toMatch(/^v1:/);
    expect(stored.totpPendingSecret).not.toContain(secret);
    expect(stored.totpSecret).toBeNull();
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: PERIOD_SECONDS });
    const right = totp.generate();
    await expect(confirmEnrolment(actor, right === "123456" ? "654321" : "123456")).rejects.toMatchObject({
      code: "invalid",
    });
    const { codes, sessionVersion } = await confirmEnrolment(actor, right);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(sessionVersion).toBe(u.sessionVersion + 1);
    const after = await db.user.findUniqueOrThrow({
      where: { id: u.id },
      select: { totpSecret: true, totpEnabledAt: true, totpPendingSecret: true },
    });
    expect(after.totpEnabledAt).toBeTruthy();
    expect(after.totpPendingSecret).toBeNull();
    const stash = JSON.stringify(await db.recoveryCode.findMany({ where: { userId: u.id } }));
    for (const c of codes) expect(stash).not.toContain(c.replace("-", ""));
    await expect(startEnrolment(actor)).rejects.toMatchObject({ code: "conflict" });

    // An admin's reset clears it all and ends the sessions: the next sign-in enrols again.
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    await updateUser(admin, { field: "secondFactor", userId: u.id, value: "reset" });
    const reset = await db.user.findUniqueOrThrow({
      where: { id: u.id },
      select: { totpSecret: true, totpEnabledAt: true, sessionVersion: true },
    });
    expect(reset).toMatchObject({ totpSecret: null, totpEnabledAt: null, sessionVersion: u.sessionVersion + 2 });
    expect(await db.recoveryCode.count({ where: { userId: u.id } })).toBe(0);
    expect(
      (await db.auditLog.findMany({ where: { targetId: u.id }, orderBy: { id: "asc" } })).map((r) => r.action),
    ).toEqual(["user.totp.enrol", "user.totp.reset"]);
  });
});
