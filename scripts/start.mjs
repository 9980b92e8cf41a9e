#!/usr/bin/env node
// `npm start`: build when there is no build (or the sources are newer), then `next start`.
// With neither DATABASE_URL nor DEMO_MODE set it runs the demo: embedded PGlite under ./.data,
// generated secrets, demo stations and users with published passwords (printed at start-up).
// Demo mode only on purpose (ADR 0013): it listens on 127.0.0.1 alone, and refuses to start under
// NODE_ENV=production (checked here, where the operator's NODE_ENV is still visible: `next start`
// sets production itself) or with a PUBLIC_BASE_URL that is not local (checked by lib/env.ts too).
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const env = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };
if (!env.DEMO_MODE && !env.DATABASE_URL) env.DEMO_MODE = "true";
const demo = ["true", "1", "yes"].includes(env.DEMO_MODE);
if (demo && !env.PUBLIC_BASE_URL) env.PUBLIC_BASE_URL = `http://localhost:${env.PORT || "3000"}`;
if (demo) {
  const refuse = (why) => {
    console.error(
      `Mukhbir: refusing to start in demo mode: ${why}\nDemo mode has published passwords and is for trying Mukhbir on this machine only. For a deployment set DATABASE_URL, AUTH_SECRET, IDENTITY_PEPPER, IDENTITY_KEYS, IDENTITY_ACTIVE_KEY, AUDIT_KEY and PUBLIC_BASE_URL (see .env.example) and leave DEMO_MODE unset.`,
    );
    process.exit(1);
  };
  if (env.NODE_ENV === "production") refuse("NODE_ENV is production.");
  const host = new URL(env.PUBLIC_BASE_URL).hostname.replace(/^\[|\]$/g, "");
  if (!(host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host)))
    refuse(`PUBLIC_BASE_URL (${env.PUBLIC_BASE_URL}) is not an address of this machine.`);
}
const distDir = path.join(root, env.NEXT_DIST_DIR || ".next");
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
// Replaces X-Forwarded-For with the client address TRUSTED_PROXY_HOPS trusts, from the socket (ADR 0012).
const hook = path.join(root, "scripts", "client-address-hook.cjs");

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
const stale =
  !fs.existsSync(buildId) ||
  (!env.MUKHBIR_REUSE_BUILD &&
    Math.max(
      ...sources.map(newest),
      ...["package.json", "next.config.ts", "proxy.ts", "instrumentation.ts"].map(
        (f) => fs.statSync(path.join(root, f)).mtimeMs,
      ),
    ) > fs.statSync(buildId).mtimeMs);
if (stale) {
  console.log("Building Mukhbir (first start or changed sources)…");
  const b = spawnSync(process.execPath, [next, "build"], { cwd: root, env, stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
// The demo listens on this machine only; a deployment on every interface, behind its proxy.
const host = demo ? ["-H", "127.0.0.1"] : [];
const child = spawn(
  process.execPath,
  ["--require", hook, next, "start", "-p", env.PORT || "3000", ...host, ...process.argv.slice(2)],
  { cwd: root, env, stdio: "inherit" },
);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
