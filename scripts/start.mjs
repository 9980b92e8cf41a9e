#!/usr/bin/env node
// `npm start`: build when there is no build (or the sources are newer), prepare the database in a
// short-lived process, then `next start` in this process.
// With neither DATABASE_URL nor DEMO_MODE set it runs the demo: embedded PGlite under ./.data,
// generated secrets, demo stations and users with published passwords (printed at start-up).
// Demo mode only on purpose (ADR 0013): it listens on 127.0.0.1 alone, and refuses to start under
// NODE_ENV=production (checked here, where the operator's NODE_ENV is still visible: `next start`
// sets production itself) or with a PUBLIC_BASE_URL that is not local (checked by lib/env.ts too).
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
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
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

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
// The database half of start-up (migrations, first admin, demo data) in a process of its own that
// exits before the server opens the database: the server never carries the memory that work took
// (ADR 0806). The server runs the same idempotent steps again and finds nothing to do.
const prepared = await new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    [tsx, "--conditions=react-server", path.join(root, "scripts", "prepare-database.ts")],
    { cwd: root, env, stdio: "inherit" },
  );
  const forward = (sig) => child.kill(sig);
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, forward);
  child.on("exit", (code, signal) => {
    for (const sig of ["SIGINT", "SIGTERM"]) process.off(sig, forward);
    resolve(code ?? (signal ? 1 : 0));
  });
});
if (prepared !== 0) process.exit(prepared);

// `next start` in this process rather than a child (ADR 0805): one Node process, not two (the
// launcher's own ~44 MiB). Next's CLI reads process.argv and process.env, as it would in a child;
// the client-address hook is loaded before it, as `--require` would, so it wraps Next's server.
// Signals and the exit code are the server's own (lib/lifecycle/shutdown.ts).
Object.assign(process.env, env);
// The demo listens on this machine only; a deployment on every interface, behind its proxy.
const host = demo ? ["-H", "127.0.0.1"] : [];
process.argv = [process.execPath, next, "start", "-p", env.PORT || "3000", ...host, ...process.argv.slice(2)];
const require = createRequire(import.meta.url);
require(hook);
require(next);
