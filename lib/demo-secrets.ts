// Demo mode must start with no configuration at all, yet never with a secret baked into the code:
// on first start it generates the secrets and keeps them (0600) under DATA_DIR, so a restart keeps
// sessions valid, informants matchable and the audit chain verifiable. A secret added in a later
// version (AUDIT_KEY) is generated into an existing file. Production sets them in the environment.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

type Secrets = { AUTH_SECRET: string; IDENTITY_PEPPER: string; IDENTITY_KEYS: string; IDENTITY_ACTIVE_KEY: string; AUDIT_KEY: string };

export function demoSecrets(dataDir: string): Secrets {
  if (dataDir.startsWith("memory://")) return generate();
  const file = path.join(dataDir, "demo-secrets.json");
  let stored: Partial<Secrets> = {};
  try {
    stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Secrets>;
  } catch {}
  const secrets = { ...generate(), ...stored };
  if (Object.keys(stored).length !== Object.keys(secrets).length) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

function generate(): Secrets {
  const b64 = (n: number) => crypto.randomBytes(n).toString("base64");
  return { AUTH_SECRET: b64(48), IDENTITY_PEPPER: b64(48), IDENTITY_KEYS: `demo1:${b64(32)}`, IDENTITY_ACTIVE_KEY: "demo1", AUDIT_KEY: b64(48) };
}
