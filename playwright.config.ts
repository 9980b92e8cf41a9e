import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";
import { E2E } from "./e2e/env";
import { TIME_ZONE } from "./lib/time/ist";
import { intlLocale } from "./lib/time/format";

// System Chromium (Debian's package) unless CHROMIUM_PATH says otherwise; else Playwright's own.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // A test that passes only on retry fails the run in CI: flaky is not green.
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E.baseUrl,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    // A browser at the desk: Indian English, India's clock (the app renders IST whatever the browser's zone).
    locale: intlLocale("en"),
    timezoneId: TIME_ZONE,
    launchOptions: {
      executablePath: fs.existsSync(chromium) ? chromium : undefined,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      // The providers' APIs (Meta Graph, Twilio, Exotel) as a local fake: media downloads and sends.
      command: `node node_modules/tsx/dist/cli.mjs scripts/fake-providers.ts --port ${E2E.fakePort} --meta-token ${E2E.serverEnv.WHATSAPP_ACCESS_TOKEN} --twilio-sid ${E2E.serverEnv.TWILIO_ACCOUNT_SID} --twilio-token ${E2E.serverEnv.TWILIO_AUTH_TOKEN} --exotel-key ${E2E.serverEnv.EXOTEL_API_KEY} --exotel-token ${E2E.serverEnv.EXOTEL_API_TOKEN}`,
      url: `${E2E.fakeUrl}/_health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node node_modules/tsx/dist/cli.mjs scripts/e2e-server.ts",
      url: `${E2E.baseUrl}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});
