// App servers that tests and benches manage themselves (not Playwright's shared webServer): real
// `next start` processes on PGlite (own data folder) or a PostgreSQL database, with the e2e secrets,
// each in its own process group (a stop or a `kill -9` takes next-server with it). A server takes a
// free port unless given one, and is only handed out once /api/health answers with the instance id
// this call gave it: a health check can never be satisfied by some other process on that port.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { E2E } from "../../../e2e/env";
import { assertLocalDatabase } from "../assert-local-database";
import { createDatabaseIfMissing } from "../create-database.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
// As npm start runs it: the client address from the socket (ADR 0012).
const hook = path.join(root, "scripts", "client-address-hook.cjs");
export const LOG_DIR = path.join(root, ".data-queue-logs");

export type Server = {
  url: string;
  port: number;
  child: ChildProcess;
  /** The id /api/health must echo (INSTANCE_ID). */
  instance: string;
  log: string;
  /** SIGTERM to the process group, SIGKILL after 10 s. */
  stop: () => Promise<void>;
  /** `kill -9` of the whole process group, at once (a crash). */
  kill: () => Promise<void>;
  exited: Promise<void>;
};

export type StartOptions = {
  /** Omitted: a free port (listen(0)). */
  port?: number;
  databaseUrl?: string;
  dataDir?: string;
  /** Empty the PGlite data folder first. */
  fresh?: boolean;
  env?: Record<string, string>;
  /** Node arguments before the next binary (e.g. `--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
  /** Log file name under .data-queue-logs (default `server-<port>.log`). */
  logName?: string;
};

// Servers still running when this process exits (a test runner stopped mid-run) are killed with it.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const c of running)
    try {
      process.kill(-c.pid!, "SIGKILL");
    } catch {}
});

/** A port nobody listens on right now (the kernel's pick for listen(0)). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export async function startServer(opts: StartOptions = {}): Promise<Server> {
  // A free port can be taken by someone else before next binds it: then the child exits, try another.
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await freePort());
    try {
      return await startOn(port, opts);
    } catch (e) {
      if (opts.port !== undefined || attempt >= 3 || !(e instanceof PortTaken)) throw e;
    }
  }
}

class PortTaken extends Error {}

async function startOn(port: number, opts: StartOptions): Promise<Server> {
  const dataDir = opts.dataDir ?? `.data-queue-${port}`;
  if (opts.fresh && !opts.databaseUrl) fs.rmSync(path.resolve(root, dataDir), { recursive: true, force: true });
  const url = `http://127.0.0.1:${port}`;
  const instance = `${process.pid}-${crypto.randomBytes(8).toString("hex")}`; // INSTANCE_ID: [\w.-]{1,64}
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, opts.logName ?? `server-${port}.log`);
  const logStart = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const log = fs.openSync(logFile, "a");
  const child = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), "--require", hook, nextBin, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      detached: true,
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        ...E2E.serverEnv,
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        PUBLIC_BASE_URL: url,
        DATA_DIR: dataDir,
        DATABASE_URL: opts.databaseUrl ?? "",
        LOG_LEVEL: "warn",
        ...opts.env,
        INSTANCE_ID: instance,
      },
    },
  );
  fs.closeSync(log);
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => (running.delete(child), resolve())));
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {}
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = fs.readFileSync(logFile, "utf8").slice(logStart);
      if (/EADDRINUSE/.test(tail)) throw new PortTaken(`port ${port} taken`);
      throw new Error(
        `server on ${port} exited (${child.exitCode ?? child.signalCode}); see ${path.relative(root, logFile)}`,
      );
    }
    const h = await healthOf(url);
    if (h.status === 200 && h.instance === instance) break;
    if (Date.now() > deadline) {
      // Don't leave it running (and holding the port) when the caller never gets a handle to stop it.
      group("SIGKILL");
      throw new Error(`server on ${port} did not become healthy; see ${path.relative(root, logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    port,
    child,
    instance,
    log: logFile,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        group("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null && child.signalCode === null) group("SIGKILL");
      }
      await exited;
    },
    kill: async () => {
      group("SIGKILL");
      await exited;
    },
  };
}

export type Health = { status: number; state?: string; instance?: string };

/** /api/health of a server: HTTP status, its `status` field and the instance that answered (X-Instance-Id). */
export async function healthOf(url: string, timeoutMs = 5_000): Promise<Health> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json().catch(() => ({}))) as { status?: string };
    return { status: res.status, state: body.status, instance: res.headers.get("x-instance-id") ?? undefined };
  } catch {
    return { status: 0 };
  }
}

/** A fresh PostgreSQL schema for the servers to migrate (local databases only). */
export async function resetPostgres(url: string) {
  const c = await localClient(url);
  // mukhbir_internal too: its tables may hold columns of public's types, which the CASCADE drops.
  await c.query(
    "DROP SCHEMA IF EXISTS mukhbir_internal CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;",
  );
  await c.end();
}

/** Creates the database a URL names when it is missing (local servers only). */
export async function ensureDatabase(url: string) {
  assertLocalDatabase(url);
  await createDatabaseIfMissing(url);
}

async function localClient(url: string) {
  assertLocalDatabase(url);
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}
