#!/usr/bin/env node
// `npm test`: ESLint, the Prettier check, unit tests, integration tests on PGlite and on PostgreSQL, a production build, then
// Playwright e2e against `next start` (its multi-instance, restart and shutdown specs on PostgreSQL),
// then the reliability suite against `next start` (redeliveries, crash, outage, fuzz, fan-out; ADR 0160).
// Nothing is skipped: without TEST_DATABASE_URL / QUEUE_E2E_DATABASE_URL the local PostgreSQL
// (127.0.0.1:5432, as on every machine of this project) is used, its test databases created when
// missing; a machine without PostgreSQL fails here with a message, never with a silently smaller run.
import { spawnSync } from "node:child_process";
import { ensureDatabase } from "./ensure-database.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const LOCAL = "postgresql://postgres@127.0.0.1:5432";
env.TEST_DATABASE_URL ||= `${LOCAL}/mukhbir_test`;
env.QUEUE_E2E_DATABASE_URL ||= `${LOCAL}/mukhbir_queue_e2e`;
env.RELIABILITY_DATABASE_URL ||= `${LOCAL}/mukhbir_reliability`;

const HINT =
  "Start it (see README) or set TEST_DATABASE_URL, QUEUE_E2E_DATABASE_URL and RELIABILITY_DATABASE_URL to local databases the tests may reset.";
await ensureDatabase(env.TEST_DATABASE_URL, HINT);
await ensureDatabase(env.QUEUE_E2E_DATABASE_URL, HINT);
await ensureDatabase(env.RELIABILITY_DATABASE_URL, HINT);

const steps = [
  ["lint (ESLint, zero warnings)", ["node_modules/eslint/bin/eslint.js", ".", "--max-warnings", "0"]],
  ["format (Prettier --check)", ["node_modules/prettier/bin/prettier.cjs", "--check", "."]],
  ["unit", ["node_modules/vitest/vitest.mjs", "run", "--project", "unit"]],
  ["integration (PGlite)", ["node_modules/vitest/vitest.mjs", "run", "--project", "int-pglite"]],
  ["integration (PostgreSQL)", ["node_modules/vitest/vitest.mjs", "run", "--project", "int-postgres"]],
  ["build", ["node_modules/next/dist/bin/next", "build"]],
  ["e2e (Chromium)", ["node_modules/@playwright/test/cli.js", "test"]],
  [
    "reliability (next start on PostgreSQL and PGlite)",
    ["node_modules/vitest/vitest.mjs", "run", "--project", "reliability"],
  ],
];

const failed = [];
for (const [name, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    failed.push(name);
    if (name === "build") break;
  }
}
console.log(`\n${steps.length - failed.length} passed, ${failed.length} failed`);
if (failed.length) {
  console.log(`Failed: ${failed.join(", ")}`);
  process.exit(1);
}
