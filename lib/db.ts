// One Prisma client per process (kept on globalThis so Next's separate bundles share it), on the
// engine lib/db/engine.ts opens. Secrets are omitted by default: password hashes and informant
// ciphertexts must be asked for explicitly (`omit: { passwordHash: false }`).
import "server-only";
import { PrismaClient } from "./generated/prisma/client";
import { openEngine, type Engine, type Raw } from "./db/engine";
import { env } from "./env";

function createClient(engine: Engine) {
  return new PrismaClient({
    adapter: engine.adapter,
    omit: {
      user: { passwordHash: true, totpSecret: true, totpPendingSecret: true },
      informant: { addressCipher: true, nameCipher: true, addressHash: true },
      informantIdentifier: { cipher: true, hash: true },
    },
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

type State = { engine: Engine; client: Db };
const g = globalThis as unknown as { __mukhbirDb?: State };

function state(): State {
  if (!g.__mukhbirDb) {
    const e = env();
    const engine = openEngine({
      databaseUrl: e.DATABASE_URL,
      dataDir: e.DATA_DIR,
      timeouts: { connectMs: e.DB_CONNECT_TIMEOUT_MS, statementMs: e.DB_STATEMENT_TIMEOUT_MS },
    });
    g.__mukhbirDb = { engine, client: createClient(engine) };
  }
  return g.__mukhbirDb;
}

/** The Prisma client. Opened lazily so that importing this module (e.g. during `next build`) touches no database. */
export const db: Db = new Proxy({} as Db, {
  get(_, prop) {
    const client = state().client as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

/** Raw SQL on the same engine: migrations, LISTEN/NOTIFY, bulk statements. */
export function raw(): Raw {
  return state().engine.raw;
}

export async function closeDb() {
  const s = g.__mukhbirDb;
  g.__mukhbirDb = undefined;
  if (!s) return;
  await s.client.$disconnect();
  await s.engine.raw.close();
}
