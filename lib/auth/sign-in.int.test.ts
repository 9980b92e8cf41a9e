// Sign-in as an attacker would try it (ADR 0012): failures from one address lock that username
// there only; elsewhere the right password and code still work (merely slowed down); concurrent
// failures all count; what was typed as an unknown username is kept nowhere.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeUser } from "../testing/factories";
import { authenticate, SignInError } from "./sign-in";
import { lockedSeconds, recordFailure, slowDownMs, subjectOf } from "./throttle";
import { seal } from "./two-factor/secret-box";
import { newTotpSecret, PERIOD_SECONDS } from "./two-factor/totp";
import { hashRecoveryCode } from "./two-factor/recovery-codes";
import { TOTP, Secret } from "otpauth";

const PASSWORD = "correct horse battery";
const codeAt = (secret: string, stepOffset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: PERIOD_SECONDS }).generate({
    timestamp: Date.now() + stepOffset * PERIOD_SECONDS * 1000,
  });

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SignInError) return e.code;
    throw e;
  }
  return "signed in";
}

async function enrolled() {
  const secret = newTotpSecret();
  const user = await makeUser({ role: "SUPERVISOR", totpSecret: seal(secret), totpEnabledAt: new Date() });
  return { user, secret };
}

describe("sign-in throttle", () => {
  it("locks a username at one address after 5 failures, yet the right password and code from another address sign in", async () => {
    const { user, secret } = await enrolled();
    for (let i = 0; i < 4; i++)
      expect(await failure(authenticate({ username: user.username, password: "wrong-guess" }, "203.0.113.5"))).toBe(
        "wrong",
      );
    expect(await failure(authenticate({ username: user.username, password: "wrong-guess" }, "203.0.113.5"))).toBe(
      "locked:15",
    );
    // Locked at that address even with the right password and code: the lock is hard there.
    expect(
      await failure(authenticate({ username: user.username, password: PASSWORD, code: codeAt(secret) }, "203.0.113.5")),
    ).toBe("locked:15");
    // Elsewhere: a slow-down, never a refusal.
    expect(await slowDownMs(user.username, "198.51.100.20")).toBeGreaterThan(0);
    const ok = await authenticate(
      { username: user.username, password: PASSWORD, code: codeAt(secret) },
      "198.51.100.20",
    );
    expect(ok).toMatchObject({ id: user.id, role: "SUPERVISOR" });
  });

  it("doubles the lock with every failure after one ends", async () => {
    const user = await makeUser();
    const ip = "203.0.113.6";
    for (let i = 0; i < 5; i++) await failure(authenticate({ username: user.username, password: "nope-nope" }, ip));
    const first = await lockedSeconds(user.username, ip);
    expect(first).toBeGreaterThan(14 * 60);
    expect(first).toBeLessThanOrEqual(15 * 60);
    // The lock ran out (moved into the past here rather than waited for).
    await db.loginThrottle.updateMany({
      where: { subject: subjectOf(user.username), key: { startsWith: "p:" } },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect(await failure(authenticate({ username: user.username, password: "nope-again" }, ip))).toBe("locked:30");
  });

  it("counts concurrent failures atomically", async () => {
    const username = `burst${Date.now()}`;
    await Promise.all(Array.from({ length: 20 }, () => recordFailure(username, "203.0.113.7")));
    const rows = await db.loginThrottle.findMany({ where: { subject: subjectOf(username) } });
    expect(rows.map((r) => r.failures).sort()).toEqual([20, 20]);
  });

  it("keeps nothing typed as an unknown username, and locks it like a known one", async () => {
    const typed = "MyS3cret-Password-In-The-Wrong-Box";
    for (let i = 0; i < 5; i++)
      await failure(authenticate({ username: typed, password: "whatever-123" }, "203.0.113.8"));
    expect(await failure(authenticate({ username: typed, password: "whatever-123" }, "203.0.113.8"))).toMatch(
      /^locked:/,
    );
    const trail = JSON.stringify(
      await db.auditLog.findMany({ where: { action: "auth.signin.failed", ip: "203.0.113.8" }, omit: { id: true } }),
    );
    expect(trail).toContain("unknownUser");
    expect(trail.toLowerCase()).not.toContain(typed.toLowerCase());
    const counters = JSON.stringify(await db.loginThrottle.findMany());
    expect(counters.toLowerCase()).not.toContain(typed.toLowerCase());
    expect(counters).not.toContain("203.0.113.8");
  });

  it("slows down an address that sprays many usernames, without refusing anyone", async () => {
    const ip = "203.0.113.9";
    const hour = () => new Date().toISOString().slice(0, 13);
    // The address counter is per clock hour: should the hour turn during the spray, spray again.
    for (let round = 0, start = ""; start !== hour(); round++) {
      start = hour();
      for (let i = 0; i < 20; i++)
        await failure(authenticate({ username: `spray${round}-${i}-${Date.now()}`, password: "Password123!" }, ip));
    }
    const user = await makeUser();
    expect(await slowDownMs(user.username, ip)).toBeGreaterThan(0);
    expect(await authenticate({ username: user.username, password: PASSWORD }, ip)).toMatchObject({ id: user.id });
  });

  it("refuses a disabled account exactly like a wrong password", async () => {
    const user = await makeUser({ active: false });
    expect(await failure(authenticate({ username: user.username, password: PASSWORD }, "203.0.113.10"))).toBe("wrong");
  });
});

describe("second factor at sign-in", () => {
  it("asks for the code after the right password, refuses a wrong one (counted) and never accepts a code twice", async () => {
    const { user, secret } = await enrolled();
    const ip = "198.51.100.30";
    expect(await failure(authenticate({ username: user.username, password: PASSWORD }, ip))).toBe("codeRequired");
    expect(await db.loginThrottle.count({ where: { subject: subjectOf(user.username) } })).toBe(0);
    expect(
      await failure(
        authenticate(
          { username: user.username, password: PASSWORD, code: "000000" === codeAt(secret) ? "111111" : "000000" },
          ip,
        ),
      ),
    ).toBe("codeWrong");
    expect(await db.loginThrottle.count({ where: { subject: subjectOf(user.username) } })).toBe(2);
    // A wrong code with a wrong password is a wrong password.
    expect(
      await failure(authenticate({ username: user.username, password: "bad-password", code: codeAt(secret) }, ip)),
    ).toBe("wrong");
    const code = codeAt(secret);
    expect(await authenticate({ username: user.username, password: PASSWORD, code }, ip)).toMatchObject({
      id: user.id,
    });
    expect(await failure(authenticate({ username: user.username, password: PASSWORD, code }, ip))).toBe("codeWrong");
    // The next step's code (one step of drift is allowed) still works.
    expect(
      await authenticate({ username: user.username, password: PASSWORD, code: codeAt(secret, 1) }, ip),
    ).toMatchObject({ id: user.id });
    const rows = await db.auditLog.findMany({
      where: { targetId: user.id, action: { startsWith: "auth.signin" } },
      orderBy: { id: "asc" },
    });
    expect(
      rows.map((r) => [
        r.action,
        (r.detail as { factor?: string; reason?: string }).factor ?? (r.detail as { reason?: string }).reason,
      ]),
    ).toEqual([
      ["auth.signin.failed", "code"],
      ["auth.signin.failed", "password"],
      ["auth.signin", "totp"],
      ["auth.signin.failed", "code"],
      ["auth.signin", "totp"],
    ]);
  });

  it("accepts each recovery code once, in any case and with or without the dash", async () => {
    const { user } = await enrolled();
    await db.recoveryCode.createMany({
      data: ["abcd-efgh", "jkmn-pqrs"].map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(user.id, c) })),
    });
    expect(
      await authenticate({ username: user.username, password: PASSWORD, code: "ABCD EFGH" }, "198.51.100.31"),
    ).toMatchObject({ id: user.id });
    expect(
      await failure(authenticate({ username: user.username, password: PASSWORD, code: "abcd-efgh" }, "198.51.100.31")),
    ).toBe("codeWrong");
    expect(
      await authenticate({ username: user.username, password: PASSWORD, code: "jkmnpqrs" }, "198.51.100.31"),
    ).toMatchObject({ id: user.id });
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
  });
});
