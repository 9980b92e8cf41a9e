// The server Playwright tests against: `next start` (building first if needed) on a fresh
// embedded database with demo data and fixed test secrets (e2e/env.ts).
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { E2E } from "../e2e/env";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
fs.rmSync(path.join(root, E2E.dataDir), { recursive: true, force: true });
const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
  cwd: root,
  env: { ...process.env, ...E2E.serverEnv, MUKHBIR_REUSE_BUILD: "1" },
  stdio: ["inherit", "pipe", "pipe"],
});
// Tee the server's output into <DATA_DIR>/server.log: the canary spec searches it for identity.
fs.mkdirSync(path.join(root, E2E.dataDir), { recursive: true });
const serverLog = fs.createWriteStream(path.join(root, E2E.dataDir, "server.log"), { flags: "a" });
child.stdout?.on("data", (d: Buffer) => void (process.stdout.write(d), serverLog.write(d)));
child.stderr?.on("data", (d: Buffer) => void (process.stderr.write(d), serverLog.write(d)));
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
