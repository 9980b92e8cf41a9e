// Opens the database the configuration asks for: PostgreSQL when DATABASE_URL is set, otherwise
// PGlite (Postgres in WASM) on disk under DATA_DIR. Both are wrapped in one small raw-SQL interface
// (for migrations, LISTEN/NOTIFY and bulk SQL) next to the Prisma adapter.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export type Raw = {
  kind: "pglite" | "postgres";
  /** One simple-protocol script (runs as one implicit transaction), no parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Subscribe to a NOTIFY channel; returns an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type Engine = { raw: Raw; adapter: SqlDriverAdapterFactory };

export function openEngine(opts: { databaseUrl?: string; dataDir: string }): Engine {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

function openPglite(dataDir: string): Engine {
  const memory = dataDir.startsWith("memory://");
  const dir = memory ? dataDir : path.resolve(dataDir, "pglite");
  if (!memory) holdLock(path.resolve(dataDir));
  const db = new PGlite(dir, { extensions: { pg_trgm } });
  const raw: Raw = {
    kind: "pglite",
    exec: async (sql) => void (await db.exec(sql)),
    query: async (sql, params) => (await db.query(sql, params as unknown[])).rows as never,
    listen: async (channel, fn) => {
      const unlisten = await db.listen(channel, fn);
      return unlisten;
    },
    close: () => db.close(),
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

function openPostgres(url: string): Engine {
  // Ingest's one-statement path (lib/ingest/store-message.ts) runs on this pool, beside Prisma's.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const raw: Raw = {
    kind: "postgres",
    exec: async (sql) => void (await pool.query(sql)),
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    listen: (channel, fn) => listenPostgres(url, channel, fn),
    close: () => pool.end(),
  };
  return { raw, adapter: new PrismaPg({ connectionString: url, max: 10 }) };
}

/** A dedicated connection per channel that reconnects after errors (LISTEN state dies with it). */
async function listenPostgres(url: string, channel: string, fn: (payload: string) => void) {
  let client: pg.Client | undefined;
  let stopped = false;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (n) => n.channel === channel && fn(n.payload ?? ""));
    c.on("error", () => undefined);
    c.on("end", () => {
      if (!stopped) setTimeout(() => connect().catch(() => undefined), 1000);
    });
    await c.connect();
    await c.query(`LISTEN "${channel.replace(/"/g, "")}"`);
    client = c;
    // A reconnect may have missed notifications: tell the subscriber to catch up.
    fn("");
  };
  await connect();
  return async () => {
    stopped = true;
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
      throw new Error(`The embedded database in ${dataDir} is in use by process ${pid}. Stop it first (only one process may open it).`);
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
