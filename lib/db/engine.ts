// Opens the database the configuration asks for: PostgreSQL when DATABASE_URL is set, otherwise
// PGlite (Postgres in WASM) on disk under DATA_DIR. Both are wrapped in one small raw-SQL interface
// (for migrations, LISTEN/NOTIFY and bulk SQL) next to the Prisma adapter.
import fs from "node:fs";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export type Raw = {
  kind: "pglite" | "postgres";
  /** One simple-protocol script (runs as one implicit transaction), no parameters. */
  exec(sql: string): Promise<void>;
  /**
   * `timeoutMs` (PostgreSQL): give up on this statement sooner than the pool's query timeout; its
   * connection is then discarded, so a caller that stopped waiting (a webhook past its deadline)
   * never holds a pool slot on a connection that will not answer.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], opts?: { timeoutMs?: number }): Promise<T[]>;
  /** PGlite only: a consistent copy of the whole data folder (queries wait meanwhile), as a gzipped tar. */
  dumpDataDir?: () => Promise<Blob>;
  /** Subscribe to a NOTIFY channel; returns an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type Engine = { raw: Raw; adapter: SqlDriverAdapterFactory };

/**
 * How long to wait for PostgreSQL before giving up (lib/env.ts DB_*_MS): a connection that cannot be
 * made, or a statement that gets no answer — a database that stopped answering or a network that
 * silently drops packets — fails within these bounds instead of hanging for minutes, so a webhook
 * answers 503 (its provider retries) and readiness says "down".
 */
export type Timeouts = { connectMs: number; statementMs: number };

/**
 * Migrations are not requests: a schema change over an archive of millions of rows (a new column
 * filled, an index built) runs for minutes, and under the request limit it would fail on every
 * start, leaving an upgraded install that never comes up. 0 = no limit (lib/db/migrate-database.ts).
 */
export const MIGRATION_TIMEOUTS: Timeouts = { connectMs: 5_000, statementMs: 0 };

export function openEngine(opts: { databaseUrl?: string; dataDir: string; timeouts?: Timeouts }): Engine {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.timeouts ?? { connectMs: 5_000, statementMs: 30_000 })
    : openPglite(opts.dataDir);
}

/**
 * Every PGlite this project opens (the app, the reliability suite's reader, a restore). PGlite's
 * default shared_buffers (128MB) is allocated and touched inside its WASM heap at start: ~160 MiB
 * of resident memory before the first query (measured, docs/BENCHMARKS.md "Footprint"). The
 * embedded database serves one desk's demo or a small install; its files stay in the operating
 * system's page cache, so 16MB of buffers costs little speed.
 */
export function pgliteOptions(extra: Omit<PGliteOptions, "extensions" | "startParams"> = {}) {
  return {
    ...extra,
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"],
  } satisfies PGliteOptions;
}

function openPglite(dataDir: string): Engine {
  const memory = dataDir.startsWith("memory://");
  const dir = memory ? dataDir : path.resolve(dataDir, "pglite");
  if (!memory) holdLock(path.resolve(dataDir));
  const db = new PGlite(dir, pgliteOptions());
  const raw: Raw = {
    kind: "pglite",
    exec: async (sql) => void (await db.exec(sql)),
    query: async (sql, params) => (await db.query(sql, params as unknown[])).rows as never,
    listen: async (channel, fn) => {
      const unlisten = await db.listen(channel, fn);
      return unlisten;
    },
    close: () => db.close(),
    dumpDataDir: () => db.dumpDataDir("gzip"),
  };
  return { raw, adapter: new PrismaPGlite(commitErrorsSurface(db)) as unknown as SqlDriverAdapterFactory };
}

/**
 * pglite-prisma-adapter 0.7.2 stores `db.transaction(…).catch(reject)` as the promise its commit()
 * awaits; that `.catch` turns a failed COMMIT (e.g. a deferred constraint) into success, so
 * `$transaction` resolved although nothing was committed. Hand it a `transaction` whose `.catch`
 * still reports the error to the adapter but keeps the promise rejected, so commit() throws.
 */
class KeepRejected<T> extends Promise<T> {
  static get [Symbol.species]() {
    return Promise;
  }
  override catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    const p = Promise.prototype.then.call(this, undefined, (e: unknown) => {
      onRejected?.(e);
      throw e;
    }) as Promise<T | R>;
    p.then(undefined, () => undefined); // awaited by commit(); never an unhandled rejection
    return p;
  }
}

function commitErrorsSurface(db: PGlite): PGlite {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "transaction")
        return <T>(fn: Parameters<PGlite["transaction"]>[0]) => {
          const inner = target.transaction(fn) as Promise<T>;
          return new KeepRejected<T>((resolve, reject) => inner.then(resolve, reject));
        };
      const v = Reflect.get(target, prop, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

/** Pool settings shared by our pool and Prisma's: bounded waits, TCP keepalive, no session stuck in a transaction. */
function poolConfig(url: string, t: Timeouts): pg.PoolConfig {
  return {
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: t.connectMs,
    // Client side: a query with no answer fails (and its connection is discarded) even when the
    // server never sees it; server side: a statement that runs too long is cancelled.
    // statementMs 0: no limit, on either side (PostgreSQL reads 0 as "off").
    ...(t.statementMs ? { query_timeout: t.statementMs + 2_000 } : {}),
    statement_timeout: t.statementMs,
    idle_in_transaction_session_timeout: t.statementMs * 2,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

/** An idle pooled connection the server or network dropped: logged, never an uncaught exception. */
function onPoolError(err: Error) {
  console.error(
    JSON.stringify({
      t: new Date().toISOString(),
      level: "warn",
      msg: "database connection lost",
      error: err.message.split("\n")[0],
    }),
  );
}

function openPostgres(url: string, t: Timeouts): Engine {
  // Ingest's one-statement path (lib/ingest/store-message.ts) runs on this pool, beside Prisma's.
  const pool = new pg.Pool(poolConfig(url, t));
  pool.on("error", onPoolError);
  const raw: Raw = {
    kind: "postgres",
    exec: async (sql) => void (await pool.query(sql)),
    query: async (sql, params, opts) =>
      (await pool.query({ text: sql, values: params, ...(opts?.timeoutMs ? { query_timeout: opts.timeoutMs } : {}) }))
        .rows,
    listen: (channel, fn) => listenPostgres(url, channel, fn),
    close: () => pool.end(),
  };
  return { raw, adapter: new PrismaPg(poolConfig(url, t), { onPoolError, onConnectionError: onPoolError }) };
}

/**
 * A dedicated connection per channel that reconnects after errors (LISTEN state dies with it), every
 * second while the database is away. After each (re)connect it calls the subscriber with an empty
 * payload: notifications may have been missed, so it should read what it missed (lib/live/bus.ts).
 */
async function listenPostgres(url: string, channel: string, fn: (payload: string) => void) {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const again = () => {
    if (!stopped && !retry) retry = setTimeout(() => ((retry = undefined), void connect().catch(() => again())), 1000);
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    c.on("notification", (n) => n.channel === channel && fn(n.payload ?? ""));
    c.on("error", () => undefined);
    try {
      await c.connect();
      await c.query(`LISTEN "${channel.replace(/"/g, "")}"`);
    } catch (e) {
      await c.end().catch(() => undefined);
      throw e;
    }
    c.on("end", again);
    client = c;
    fn("");
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

/** Exactly one process may open a PGlite folder: two processes silently lose committed rows. */
function holdLock(dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "pglite.lock");
  try {
    fs.writeFileSync(file, String(process.pid), { flag: "wx" });
  } catch {
    const pid = Number(fs.readFileSync(file, "utf8"));
    if (pid && pid !== process.pid && alive(pid))
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${pid}. Stop it first (only one process may open it).`,
      );
    fs.writeFileSync(file, String(process.pid));
  }
  const release = () => {
    try {
      if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
    } catch {}
  };
  process.once("exit", release);
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
