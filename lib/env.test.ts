import { describe, expect, it } from "vitest";
import { parseEnv, EnvError } from "./env";

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
});
