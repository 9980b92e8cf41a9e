// One place for the e2e server's configuration, shared by playwright.config.ts, the server
// script and the specs (which sign webhooks with these secrets).
import { spawnSync } from "node:child_process";

/** Two ports nobody listens on now, picked by the OS (synchronously: the config needs them at load). */
function freePorts(): [number, number] {
  const script = `const n=require("net");const a=n.createServer().listen(0,"127.0.0.1",()=>{const b=n.createServer().listen(0,"127.0.0.1",()=>{console.log(a.address().port+" "+b.address().port);a.close();b.close()})})`;
  const [x, y] = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" }).stdout.trim().split(" ").map(Number);
  return [x, y];
}

// Chosen once by the Playwright runner and inherited (through the environment) by its workers and
// web servers, so a parallel run or another session's server can never answer for ours.
if (!process.env.E2E_PORT)
  [process.env.E2E_PORT, process.env.E2E_FAKE_PORT] = freePorts().map(String) as [string, string];
const port = Number(process.env.E2E_PORT);
const fakePort = Number(process.env.E2E_FAKE_PORT ?? port + 1);

export const E2E = {
  port,
  fakePort,
  baseUrl: `http://127.0.0.1:${port}`,
  fakeUrl: `http://127.0.0.1:${fakePort}`,
  dataDir: `.data-e2e-${port}`,
  serverEnv: {
    DEMO_MODE: "true",
    // Specs seed their own tips through the webhooks; demo example tips would only get in the way.
    DEMO_TIPS: "false",
    PORT: String(port),
    DATA_DIR: `.data-e2e-${port}`,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: "e2e-auth-secret-0123456789abcdefghijklmnop",
    IDENTITY_PEPPER: "e2e-pepper-0123456789abcdefghijklmnopqrstuv",
    AUDIT_KEY: "e2e-audit-key-0123456789abcdefghijklmnopq",
    IDENTITY_KEYS: "e1:" + Buffer.alloc(32, 3).toString("base64"),
    IDENTITY_ACTIVE_KEY: "e1",
    WHATSAPP_APP_SECRET: "e2e-app-secret",
    WHATSAPP_VERIFY_TOKEN: "e2e-verify-token",
    WHATSAPP_ACCESS_TOKEN: "e2e-access-token",
    WHATSAPP_PHONE_NUMBER_IDS: "106540352242922",
    WHATSAPP_API_BASE: `http://127.0.0.1:${fakePort}/meta/v23.0`,
    TWILIO_ACCOUNT_SID: "ACe2e00000000000000000000000000000",
    TWILIO_AUTH_TOKEN: "e2e-twilio-token",
    TWILIO_WHATSAPP_FROM: "whatsapp:+14155238886",
    TWILIO_API_BASE: `http://127.0.0.1:${fakePort}/twilio`,
    EXOTEL_WEBHOOK_TOKEN: "e2e-exotel-token-0123456789abcdefghij",
    EXOTEL_SID: "mukhbire2e",
    EXOTEL_API_KEY: "e2e-exotel-key",
    EXOTEL_API_TOKEN: "e2e-exotel-api-token",
    EXOTEL_API_BASE: `http://127.0.0.1:${fakePort}/exotel`,
    // The fake provider is on loopback: the fetch policy reaches it only through this exact entry (ADR 0210).
    FETCH_ALLOWED_HOSTS: `http://127.0.0.1:${fakePort}`,
    LOG_LEVEL: "info",
    HEALTH_TOKEN: "e2e-health-token-0123456789",
    METRICS_TOKEN: "e2e-metrics-token-0123456789abcdef",
    // The socket is the client: the specs' own X-Forwarded-For headers are forgeries the server ignores.
    TRUSTED_PROXY_HOPS: "0",
    // An unclaimed URGENT tip alerts the open queues at the next minute's sweep (ADR 0609), not after 3 min.
    DESK_UNCLAIMED_ALERT_MINUTES: "0",
  } as Record<string, string>,
};
