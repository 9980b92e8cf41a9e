#!/usr/bin/env node
// `npm test`: unit tests, integration tests on PGlite (always) and PostgreSQL (when
// TEST_DATABASE_URL is set), a production build, then Playwright e2e against `next start`.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const steps = [
  ["unit", ["node_modules/vitest/vitest.mjs", "run", "--project", "unit"]],
  ["integration (PGlite)", ["node_modules/vitest/vitest.mjs", "run", "--project", "int-pglite"]],
  ...(env.TEST_DATABASE_URL ? [["integration (PostgreSQL)", ["node_modules/vitest/vitest.mjs", "run", "--project", "int-postgres"]]] : []),
  ["build", ["node_modules/next/dist/bin/next", "build"]],
  ["e2e (Chromium)", ["node_modules/@playwright/test/cli.js", "test"]],
];
if (!env.TEST_DATABASE_URL) console.log("TEST_DATABASE_URL is not set: skipping the PostgreSQL integration run.");

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
