#!/usr/bin/env node
// `npm start`: build when there is no build (or the sources are newer), then `next start`.
// With neither DATABASE_URL nor DEMO_MODE set it runs the demo: embedded PGlite under ./.data,
// generated secrets, demo stations and users (printed at start-up).
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const env = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };
if (!env.DEMO_MODE && !env.DATABASE_URL) env.DEMO_MODE = "true";
if (env.DEMO_MODE === "true" && !env.PUBLIC_BASE_URL) env.PUBLIC_BASE_URL = `http://localhost:${env.PORT || "3000"}`;
const distDir = path.join(root, env.NEXT_DIST_DIR || ".next");
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const buildId = path.join(distDir, "BUILD_ID");
const sources = ["app", "components", "lib", "public"].map((d) => path.join(root, d)).filter(fs.existsSync);
// E2E runs build once up front (npm test) and must not rebuild mid-run: they only need a build.
const stale = !fs.existsSync(buildId) || (!env.MUKHBIR_REUSE_BUILD && Math.max(...sources.map(newest), ...["package.json", "next.config.ts", "proxy.ts", "instrumentation.ts"].map((f) => fs.statSync(path.join(root, f)).mtimeMs)) > fs.statSync(buildId).mtimeMs);
if (stale) {
  console.log("Building Mukhbir (first start or changed sources)…");
  const b = spawnSync(process.execPath, [next, "build"], { cwd: root, env, stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const child = spawn(process.execPath, [next, "start", "-p", env.PORT || "3000", ...process.argv.slice(2)], { cwd: root, env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
