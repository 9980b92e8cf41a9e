// The pieces every reliability scenario runs on: the fake provider APIs (in this process, on a free
// port), the app's environment pointing at them, the suite's PostgreSQL database (its own, named by
// RELIABILITY_DATABASE_URL) and waiting for a positive signal instead of sleeping.
import { startFakeProviders, type FakeProviders } from "../../simulate/fake-providers";
import { E2E } from "../../../e2e/env";
import { ensureDatabase, resetPostgres } from "./servers";

export type { FakeProviders };

export function startFakes(): Promise<FakeProviders> {
  const s = E2E.serverEnv;
  return startFakeProviders({
    port: 0,
    metaToken: s.WHATSAPP_ACCESS_TOKEN,
    twilioSid: s.TWILIO_ACCOUNT_SID,
    twilioToken: s.TWILIO_AUTH_TOKEN,
    exotelKey: s.EXOTEL_API_KEY,
    exotelToken: s.EXOTEL_API_TOKEN,
  });
}

/** The app's environment for a scenario: e2e secrets and demo users, provider APIs at the fakes, the worker on. */
export function appEnv(fake: FakeProviders, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DEMO_MODE: "true",
    DEMO_TIPS: "false",
    WORKER_ENABLED: "true",
    WHATSAPP_API_BASE: `${fake.url}/meta/v23.0`,
    TWILIO_API_BASE: `${fake.url}/twilio`,
    EXOTEL_API_BASE: `${fake.url}/exotel`,
    FETCH_ALLOWED_HOSTS: fake.url,
    LOG_LEVEL: "warn",
    ...extra,
  };
}

/** The suite's own PostgreSQL database, created when missing and emptied; never another one. */
export async function freshReliabilityDatabase(): Promise<string> {
  const url = process.env.RELIABILITY_DATABASE_URL;
  if (!url)
    throw new Error(
      "RELIABILITY_DATABASE_URL is not set: the reliability suite needs a PostgreSQL database of its own (see .ci/run).",
    );
  await ensureDatabase(url);
  await resetPostgres(url);
  return url;
}

/** Polls `check` until it returns a truthy value (the positive signal), or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 120_000,
  everyMs = 250,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Problems the server log shows that must never happen: an uncaught exception or unhandled rejection. */
export async function logFaults(logFile: string, from = 0): Promise<string[]> {
  const fs = await import("node:fs");
  const text = fs.readFileSync(logFile, "utf8").slice(from);
  return text
    .split("\n")
    .filter((l) => /uncaughtException|unhandledRejection/i.test(l))
    .slice(0, 10);
}

export async function logSize(logFile: string) {
  const fs = await import("node:fs");
  return fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
}
