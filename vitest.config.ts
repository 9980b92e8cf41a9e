import { defineConfig } from "vitest/config";
import path from "node:path";
import { splitRoleUrls } from "./lib/testing/split-roles.ts";

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = {
  "@": root,
  // `server-only` throws outside React Server Components; tests run lib code directly.
  "server-only": path.join(root, "lib/testing/empty.ts"),
};
// Fixed secrets so tests can compute hashes and signatures the code under test will accept.
const testEnv = {
  NODE_ENV: "test" as const,
  AUTH_SECRET: "test-auth-secret-0123456789abcdefghijklmnop",
  IDENTITY_PEPPER: "test-pepper-0123456789abcdefghijklmnopqrstuv",
  AUDIT_KEY: "test-audit-key-0123456789abcdefghijklmnopq",
  IDENTITY_KEYS: "t1:" + Buffer.alloc(32, 7).toString("base64") + ",t2:" + Buffer.alloc(32, 9).toString("base64"),
  IDENTITY_ACTIVE_KEY: "t2",
  WHATSAPP_APP_SECRET: "test-app-secret",
  WHATSAPP_VERIFY_TOKEN: "test-verify-token",
  WHATSAPP_ACCESS_TOKEN: "test-access-token",
  WHATSAPP_PHONE_NUMBER_IDS: "106540352242922",
  TWILIO_AUTH_TOKEN: "12345",
  TWILIO_ACCOUNT_SID: "ACtest",
  EXOTEL_WEBHOOK_TOKEN: "test-exotel-token-0123456789abcdefghij",
  EXOTEL_SID: "mukhbirtest",
  EXOTEL_API_KEY: "exo-key",
  EXOTEL_API_TOKEN: "exo-token",
  PUBLIC_BASE_URL: "https://mukhbir.example.in",
  WORKER_ENABLED: "false",
  LOG_LEVEL: "warn",
};

// PostgreSQL runs as the app runs in production (ADR 0014): migrations and test DDL as an owner role,
// everything else as a runtime role with only data rights; both derived from TEST_DATABASE_URL
// (a superuser URL) and created by lib/testing/pg-global-setup.ts.
const pgRoles = process.env.TEST_DATABASE_URL ? splitRoleUrls(process.env.TEST_DATABASE_URL) : null;

export default defineConfig({
  resolve: { alias },
  test: {
    // Every run shuffles the order of files and of the tests in each file, so a test that leans on
    // another's rows fails early (issue 13 item 7: unique values, deltas, its own rows). The seed is
    // printed at the top ("Running tests with seed …"); replay a failing order with
    // `npx vitest run --project <name> --sequence.seed=<seed>`. Root-level on purpose: Vitest 4.1
    // ignores `sequence.shuffle` inside a project (checked: the order stayed as written).
    sequence: { shuffle: true },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,components,app,scripts,bench}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.ts", "**/*.rel.test.ts", "node_modules/**"],
          env: testEnv,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "int-pglite",
          include: ["{lib,app,scripts}/**/*.int.test.ts"],
          env: { ...testEnv, DATA_DIR: "memory://", DATABASE_URL: "" },
          setupFiles: ["lib/testing/int-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "int-postgres",
          include: ["{lib,app,scripts}/**/*.int.test.ts"],
          // Never quietly PGlite: int-setup.ts refuses to run this project without a PostgreSQL URL.
          env: {
            ...testEnv,
            DATA_DIR: "memory://",
            DATABASE_URL: pgRoles?.app.url ?? "",
            MIGRATION_DATABASE_URL: pgRoles?.owner.url ?? "",
            EXPECT_POSTGRES: "true",
            TEST_SUPERUSER_URL: process.env.TEST_DATABASE_URL ?? "",
          },
          globalSetup: ["lib/testing/pg-global-setup.ts"],
          setupFiles: ["lib/testing/int-setup.ts"],
          // One shared database: files run one after another, each on a freshly migrated schema
          // (int-pglite runs files in parallel: each file has its own in-memory PGlite).
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // The reliability suite (ADR 0160): real `next start` servers on PostgreSQL
          // (RELIABILITY_DATABASE_URL) and PGlite, driven over HTTP only; needs a build. One file at a time.
          name: "reliability",
          include: ["lib/testing/system/**/*.rel.test.ts"],
          fileParallelism: false,
          testTimeout: 30 * 60_000,
          hookTimeout: 5 * 60_000,
        },
      },
    ],
  },
});
