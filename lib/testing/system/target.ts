// One app under test for a scenario: fake provider APIs, a `next start` server on PostgreSQL (the
// suite's database, optionally reached through a TCP proxy) or on PGlite (a data folder of its own),
// restartable on the same port after a crash, and — once the scenario is done — what got stored
// and whether the invariants hold. On PGlite the server is stopped first (one process per folder).
import fs from "node:fs";
import path from "node:path";
import { checkInvariants, openCallJobs, openDatabase, storedCounts } from "./database";
import { LOG_DIR, startServer, type Server } from "./servers";
import { appEnv, freshReliabilityDatabase, logFaults, startFakes, waitFor, type FakeProviders } from "./stack";

export type Engine = "postgres" | "pglite";

export type Target = {
  engine: Engine;
  fake: FakeProviders;
  server: Server;
  /** The suite's database as the test reaches it (never through the proxy). */
  databaseUrl?: string;
  dataDir?: string;
  /** Starts the server again on the same port and data (after a kill or a stop). */
  restart: () => Promise<Server>;
  /**
   * Waits for the queued Exotel verify jobs, then reads what is stored. On PostgreSQL: until no job
   * is open. On PGlite (the server holds the folder): until the fake Exotel API was asked about each
   * of `calls`, then the server is stopped and the folder opened. At most `waitMs` (default 90 s).
   */
  inspect: (opts?: { calls?: string[]; waitMs?: number }) => Promise<{
    stored: Awaited<ReturnType<typeof storedCounts>>;
    invariants: string[];
    callsDone: boolean;
    logFaults: string[];
  }>;
  close: () => Promise<void>;
};

export async function launch(
  name: string,
  engine: Engine,
  opts: { via?: (databaseUrl: string) => string; env?: Record<string, string> } = {},
): Promise<Target> {
  const fake = await startFakes();
  const databaseUrl = engine === "postgres" ? await freshReliabilityDatabase() : undefined;
  const dataDir = engine === "pglite" ? `.data-reliability/${name}` : undefined;
  const logName = `reliability-${name}.log`;
  fs.rmSync(path.join(LOG_DIR, logName), { force: true });
  const serverDb = databaseUrl && opts.via ? opts.via(databaseUrl) : databaseUrl;
  const env = appEnv(fake, opts.env);
  let server: Server;
  try {
    server = await startServer({ databaseUrl: serverDb, dataDir, fresh: true, env, logName });
  } catch (e) {
    await fake.close();
    throw e;
  }
  const t: Target = {
    engine,
    fake,
    server,
    databaseUrl,
    dataDir,
    restart: async () => {
      t.server = await startServer({ port: t.server.port, databaseUrl: serverDb, dataDir, env, logName });
      return t.server;
    },
    inspect: async ({ calls = [], waitMs = 90_000 } = {}) => {
      let callsDone = false;
      if (databaseUrl) {
        const db = await openDatabase({ databaseUrl });
        try {
          // Exotel callbacks are stored by a job (ADR 0211); a job failed by an outage waits out its backoff.
          callsDone = await waitFor(
            "Exotel verify jobs",
            async () => (await openCallJobs(db.query)) === 0,
            waitMs,
            500,
          ).then(
            () => true,
            () => false,
          );
        } finally {
          await db.close();
        }
      } else {
        const asked = () =>
          new Set(
            fake.calls
              .filter((c) => c.route === "exotel.call")
              .map((c) =>
                decodeURIComponent(
                  c.path
                    .split("/")
                    .pop()!
                    .replace(/\.json.*$/, ""),
                ),
              ),
          );
        await waitFor("Exotel verify jobs", async () => calls.every((sid) => asked().has(sid)), waitMs, 500).catch(
          () => undefined,
        );
        await t.server.stop();
      }
      const db = await openDatabase({ databaseUrl, dataDir });
      try {
        return {
          stored: await storedCounts(db.query),
          invariants: await checkInvariants(db.query),
          callsDone,
          logFaults: await logFaults(t.server.log),
        };
      } finally {
        await db.close();
      }
    },
    close: async () => {
      await t.server.stop();
      await fake.close();
    },
  };
  return t;
}
