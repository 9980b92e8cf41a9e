// App servers the queue specs and benches manage themselves (not Playwright's shared webServer):
// `next start` processes on their own ports, on PGlite (own data folder) or a PostgreSQL database,
// with the e2e secrets, started in their own process group so a stop takes next-server with it.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { E2E } from "./env";
import { signMeta } from "./webhooks";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
// As npm start runs it: the client address from the socket (ADR 0012).
const hook = path.join(root, "scripts", "client-address-hook.cjs");

export type Server = { url: string; port: number; stop: () => Promise<void>; child: ChildProcess };

/** A port nobody listens on now (the OS picks it), so parallel runs and other sessions never collide. */
export async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** `nodeArgs` go to node before the next binary (e.g. `--cpu-prof`, which NODE_OPTIONS refuses). */
export async function startServer(opts: { port: number; databaseUrl?: string; dataDir?: string; fresh?: boolean; env?: Record<string, string>; nodeArgs?: string[] }): Promise<Server> {
  const dataDir = opts.dataDir ?? `.data-queue-${opts.port}`;
  if (opts.fresh && !opts.databaseUrl) fs.rmSync(path.join(root, dataDir), { recursive: true, force: true });
  const url = `http://127.0.0.1:${opts.port}`;
  const instance = crypto.randomBytes(8).toString("hex");
  fs.mkdirSync(path.join(root, ".data-queue-logs"), { recursive: true });
  const log = fs.openSync(path.join(root, ".data-queue-logs", `server-${opts.port}.log`), "a");
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--require", hook, nextBin, "start", "-p", String(opts.port)], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      ...E2E.serverEnv,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(opts.port),
      PUBLIC_BASE_URL: url,
      DATA_DIR: dataDir,
      DATABASE_URL: opts.databaseUrl ?? "",
      LOG_LEVEL: "warn",
      // Health answers with this id, so the check below proves it reached this child, not another server on the port.
      INSTANCE_ID: instance,
      ...opts.env,
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${opts.port} exited (${child.exitCode}); see .data-queue-logs/server-${opts.port}.log`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok && r.headers.get("x-instance-id") === instance, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      // Don't leave it running (and holding the port) when the caller never gets a handle to stop it.
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
      throw new Error(`server on ${opts.port} did not become healthy; see .data-queue-logs/server-${opts.port}.log`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    port: opts.port,
    child,
    stop: async () => {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {}
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null)
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {}
      }
      await exited;
    },
  };
}

/** A fresh PostgreSQL schema for the servers to migrate (local databases only). */
export async function resetPostgres(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`refusing to reset non-local database ${host}`);
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // mukhbir_internal too: its tables may hold columns of public's types, which the CASCADE drops.
  await c.query("DROP SCHEMA IF EXISTS mukhbir_internal CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await c.end();
}

/** A signed WhatsApp text webhook to any server (e2e/webhooks.ts posts only to the shared one). */
export async function postWhatsAppTo(request: APIRequestContext, baseUrl: string, payload: unknown) {
  const raw = JSON.stringify(payload);
  return request.post(`${baseUrl}/api/webhooks/whatsapp`, {
    data: raw,
    headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(raw) },
  });
}

/** A random Indian mobile number for a test informant (never a real one: 9999 prefix block). */
export function testPhone() {
  return "9199990" + String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
}
