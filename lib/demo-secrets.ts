// Demo mode must start with no configuration at all, yet never with a secret baked into the code:
// on first start it generates the secrets and keeps them (0600) under DATA_DIR, so a restart keeps
// sessions valid, informants matchable and the audit chain verifiable. A secret added in a later
// version (AUDIT_KEY, the provider settings) is generated into an existing file. Production sets
// them in the environment.
//
// The demo's providers (ADR 0800): WhatsApp, Twilio and Exotel get generated secrets and ids too,
// and their API bases point at the local fake provider APIs on a port chosen once and kept here, so
// `npm run simulate` (which reads this file when given no flags) signs what the demo verifies and
// serves the media, recordings and call details the demo fetches.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { DEFAULT_FETCH_HOSTS } from "./net/default-hosts";

const KEYS = [
  "AUTH_SECRET",
  "IDENTITY_PEPPER",
  "IDENTITY_KEYS",
  "IDENTITY_ACTIVE_KEY",
  "AUDIT_KEY",
  "WHATSAPP_APP_SECRET",
  "WHATSAPP_VERIFY_TOKEN",
  "WHATSAPP_ACCESS_TOKEN",
  "WHATSAPP_PHONE_NUMBER_IDS",
  "WHATSAPP_API_BASE",
  "TWILIO_ACCOUNT_SID",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_WHATSAPP_FROM",
  "TWILIO_API_BASE",
  "EXOTEL_WEBHOOK_TOKEN",
  "EXOTEL_SID",
  "EXOTEL_API_KEY",
  "EXOTEL_API_TOKEN",
  "EXOTEL_API_BASE",
  "FETCH_ALLOWED_HOSTS",
] as const;
export type DemoSecrets = Record<(typeof KEYS)[number], string>;

export const DEMO_SECRETS_FILE = "demo-secrets.json";

/** The demo's secrets under `dataDir`, generating (and storing) whichever are missing. */
export function demoSecrets(dataDir: string): DemoSecrets {
  if (dataDir.startsWith("memory://")) return generate();
  const file = path.join(dataDir, DEMO_SECRETS_FILE);
  const stored = readDemoSecrets(dataDir) ?? {};
  const generated = generate();
  // A file from before the fake providers had a port keeps its own bases consistent with one new port.
  const secrets = { ...generated, ...stored } as DemoSecrets;
  if (KEYS.some((k) => !(k in stored))) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

/** What a demo stored under `dataDir` (for `npm run simulate`), or null when there is no demo there. */
export function readDemoSecrets(dataDir: string): Partial<DemoSecrets> | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, DEMO_SECRETS_FILE), "utf8")) as unknown;
    if (!parsed || typeof parsed !== "object") return null;
    return Object.fromEntries(
      Object.entries(parsed).filter(([k, v]) => (KEYS as readonly string[]).includes(k) && typeof v === "string"),
    ) as Partial<DemoSecrets>;
  } catch {
    return null;
  }
}

/** The fake provider APIs' origin a demo's settings point at (`http://127.0.0.1:<port>`), if they do. */
export function demoFakeOrigin(s: Partial<DemoSecrets>): string | null {
  if (!s.WHATSAPP_API_BASE) return null;
  const u = new URL(s.WHATSAPP_API_BASE);
  return u.hostname === "127.0.0.1" && u.port ? u.origin : null;
}

function generate(): DemoSecrets {
  const b64 = (n: number) => crypto.randomBytes(n).toString("base64");
  const hex = (n: number) => crypto.randomBytes(n).toString("hex");
  // A port outside the usual ephemeral ranges and the ports this kind of machine already uses.
  const fake = `http://127.0.0.1:${crypto.randomInt(40_000, 49_000)}`;
  return {
    AUTH_SECRET: b64(48),
    IDENTITY_PEPPER: b64(48),
    IDENTITY_KEYS: `demo1:${b64(32)}`,
    IDENTITY_ACTIVE_KEY: "demo1",
    AUDIT_KEY: b64(48),
    WHATSAPP_APP_SECRET: hex(16),
    WHATSAPP_VERIFY_TOKEN: hex(16),
    WHATSAPP_ACCESS_TOKEN: `demo-${hex(24)}`,
    // Meta's phone number ids are 15-16 digits.
    WHATSAPP_PHONE_NUMBER_IDS:
      String(crypto.randomInt(1, 9)) + Array.from({ length: 14 }, () => crypto.randomInt(0, 10)).join(""),
    WHATSAPP_API_BASE: `${fake}/meta/v23.0`,
    TWILIO_ACCOUNT_SID: `AC${hex(16)}`,
    TWILIO_AUTH_TOKEN: hex(16),
    // Twilio's WhatsApp sandbox number.
    TWILIO_WHATSAPP_FROM: "whatsapp:+14155238886",
    TWILIO_API_BASE: `${fake}/twilio`,
    EXOTEL_WEBHOOK_TOKEN: hex(24),
    EXOTEL_SID: `mukhbirdemo${hex(3)}`,
    EXOTEL_API_KEY: hex(16),
    EXOTEL_API_TOKEN: hex(16),
    EXOTEL_API_BASE: `${fake}/exotel`,
    // The providers' own hosts stay allowed; the fake is on loopback, reachable only through its exact origin (ADR 0210).
    FETCH_ALLOWED_HOSTS: [...DEFAULT_FETCH_HOSTS, fake].join(","),
  };
}
