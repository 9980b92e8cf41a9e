// Demo mode's generated settings (ADR 0800): every provider secret and id the simulator needs, kept
// across restarts, added to a file written by an older version without touching what it holds.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { demoFakeOrigin, demoSecrets, readDemoSecrets } from "./demo-secrets";
import { parseEnv } from "./env";

describe("demo secrets", () => {
  it("generates the provider secrets and ids, points the API bases at one fake origin, and keeps them", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demo-secrets-"));
    try {
      const first = demoSecrets(dir);
      expect(first.WHATSAPP_PHONE_NUMBER_IDS).toMatch(/^\d{15}$/);
      expect(first.TWILIO_ACCOUNT_SID).toMatch(/^AC[0-9a-f]{32}$/);
      expect(first.EXOTEL_WEBHOOK_TOKEN.length).toBeGreaterThanOrEqual(32);
      const origin = demoFakeOrigin(first)!;
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      for (const base of [first.WHATSAPP_API_BASE, first.TWILIO_API_BASE, first.EXOTEL_API_BASE])
        expect(base.startsWith(origin)).toBe(true);
      expect(first.FETCH_ALLOWED_HOSTS.split(",")).toContain(origin);
      expect(fs.statSync(path.join(dir, "demo-secrets.json")).mode & 0o777).toBe(0o600);
      expect(demoSecrets(dir)).toEqual(first);
      expect(readDemoSecrets(dir)).toEqual(first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("adds the provider settings to an older file and keeps its secrets", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demo-secrets-"));
    try {
      const old = {
        AUTH_SECRET: "a".repeat(48),
        IDENTITY_PEPPER: "p".repeat(48),
        IDENTITY_KEYS: `demo1:${Buffer.alloc(32, 1).toString("base64")}`,
        IDENTITY_ACTIVE_KEY: "demo1",
        AUDIT_KEY: "k".repeat(48),
      };
      fs.writeFileSync(path.join(dir, "demo-secrets.json"), JSON.stringify(old));
      const s = demoSecrets(dir);
      expect(s).toMatchObject(old);
      expect(readDemoSecrets(dir)?.WHATSAPP_APP_SECRET).toBe(s.WHATSAPP_APP_SECRET);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives demo mode working providers; the environment still wins", () => {
    const e = parseEnv({ DEMO_MODE: "true", DATA_DIR: "memory://" });
    expect(e.WHATSAPP_APP_SECRET).not.toBe("");
    expect(e.WHATSAPP_PHONE_NUMBER_IDS).toHaveLength(1);
    expect(e.EXOTEL_SID).not.toBe("");
    expect(
      parseEnv({ DEMO_MODE: "true", DATA_DIR: "memory://", WHATSAPP_APP_SECRET: "mine" }).WHATSAPP_APP_SECRET,
    ).toBe("mine");
    expect(readDemoSecrets(path.join(os.tmpdir(), "no-such-demo-folder"))).toBeNull();
  });
});
