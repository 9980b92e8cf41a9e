import { describe, expect, it } from "vitest";
import { parseEnv, EnvError, isLocalUrl } from "./env";

const base = {
  AUTH_SECRET: "x".repeat(40),
  IDENTITY_PEPPER: "y".repeat(40),
  IDENTITY_KEYS: "k1:" + Buffer.alloc(32, 1).toString("base64"),
  IDENTITY_ACTIVE_KEY: "k1",
  AUDIT_KEY: "z".repeat(40),
};

describe("configuration", () => {
  it("accepts a complete configuration and applies defaults", () => {
    const env = parseEnv(base);
    expect(env.SESSION_IDLE_MINUTES).toBe(30);
    expect(env.THREAD_WINDOW_HOURS).toBe(24);
    expect(env.DATA_DIR).toBe("./.data");
  });

  it("names a missing required variable", () => {
    const { AUTH_SECRET: _, ...rest } = base;
    expect(() => parseEnv(rest)).toThrow(EnvError);
    expect(() => parseEnv(rest)).toThrow(/AUTH_SECRET/);
  });

  it("names a bad value", () => {
    expect(() => parseEnv({ ...base, SESSION_IDLE_MINUTES: "soon" })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => parseEnv({ ...base, DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ ...base, IDENTITY_KEYS: "k1:short" })).toThrow(/IDENTITY_KEYS/);
    expect(() => parseEnv({ ...base, IDENTITY_ACTIVE_KEY: "k9" })).toThrow(/IDENTITY_ACTIVE_KEY/);
  });

  it("generates and keeps demo secrets in demo mode", () => {
    const env = parseEnv({ DEMO_MODE: "true", DATA_DIR: "memory://" });
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("runs demo mode only for a local PUBLIC_BASE_URL", () => {
    expect(() =>
      parseEnv({ DEMO_MODE: "true", DATA_DIR: "memory://", PUBLIC_BASE_URL: "https://mukhbir.example.in" }),
    ).toThrow(/demo mode/);
    expect(
      parseEnv({ DEMO_MODE: "true", DATA_DIR: "memory://", PUBLIC_BASE_URL: "http://127.0.0.1:3100" }).DEMO_MODE,
    ).toBe(true);
    expect(isLocalUrl("http://localhost:3000")).toBe(true);
    expect(isLocalUrl("http://[::1]:3000")).toBe(true);
    expect(isLocalUrl("http://127.0.0.1.evil.com")).toBe(false);
    expect(isLocalUrl("http://10.0.0.5:3000")).toBe(false);
  });

  it("needs AUDIT_KEY outside demo mode, and validates the access settings", () => {
    const { AUDIT_KEY: _, ...rest } = base;
    expect(() => parseEnv(rest)).toThrow(/AUDIT_KEY/);
    expect(parseEnv(base)).toMatchObject({
      REQUIRE_2FA: "privileged",
      SESSION_MAX_HOURS: 12,
      TRUSTED_PROXY_HOPS: 0,
      INACTIVE_DISABLE_DAYS: 90,
    });
    expect(() => parseEnv({ ...base, REQUIRE_2FA: "nobody" })).toThrow(/REQUIRE_2FA/);
    expect(() => parseEnv({ ...base, TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ ...base, ADMIN_PASSWORD: "short-one" })).toThrow(/ADMIN_PASSWORD/);
  });
});

describe("fetch policy and Exotel configuration", () => {
  it("defaults the fetch allowlist to the providers' hosts and refuses an unreadable entry", () => {
    expect(parseEnv(base).FETCH_ALLOWED_HOSTS).toEqual(
      expect.arrayContaining(["graph.facebook.com", "api.twilio.com", "api.exotel.com"]),
    );
    expect(parseEnv(base).FETCH_ALLOWED_HOSTS).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/127\.0\.0\.1|localhost/)]),
    );
    expect(() => parseEnv({ ...base, FETCH_ALLOWED_HOSTS: "https://host/with/path" })).toThrow(/FETCH_ALLOWED_HOSTS/);
  });

  it("refuses an Exotel path token shorter than 32 characters, and one without the API credentials", () => {
    const exotel = { EXOTEL_SID: "sid", EXOTEL_API_KEY: "key", EXOTEL_API_TOKEN: "token" };
    expect(() => parseEnv({ ...base, ...exotel, EXOTEL_WEBHOOK_TOKEN: "short-token" })).toThrow(
      /EXOTEL_WEBHOOK_TOKEN: must be at least 32 characters/,
    );
    expect(() => parseEnv({ ...base, EXOTEL_WEBHOOK_TOKEN: "t".repeat(32) })).toThrow(/EXOTEL_API_KEY/);
    expect(parseEnv({ ...base, ...exotel, EXOTEL_WEBHOOK_TOKEN: "t".repeat(32) }).EXOTEL_API_BASE).toBe(
      "https://api.exotel.com",
    );
    expect(parseEnv(base).EXOTEL_WEBHOOK_TOKEN).toBe("");
  });
});
