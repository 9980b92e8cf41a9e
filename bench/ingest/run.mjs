#!/usr/bin/env node
// Ingest throughput: signed, all-new WhatsApp text messages at fixed concurrency against
//   1. the app's webhook on PGlite,   2. the app's webhook on PostgreSQL,
//   3. an empty route handler on the same Next.js server (the framework's ceiling; BENCH_ROUTES),
//   4. a bare node:http + pg server that only verifies the signature and inserts one row.
// Every target gets the same kind of request (fresh message id, random sender from a pool, valid
// HMAC), so signing cost on the client is equal. After each app run the stored messages are
// counted and must equal the 2xx answers. The worker is off (WORKER_ENABLED=false): media/ack jobs
// are still queued inside each ingest transaction, only not executed during the measurement.
//
//   npm run bench -- ingest [--connections=32] [--duration=15] [--targets=pglite,postgres,bare]
//                           [--watch-items=10000]   (PostgreSQL only: that many watch items seeded
//                            before the measurement by bench/ingest/seed-watch.ts; issue 16)
// Needs a build: NEXT_DIST_DIR=.next-bench npx next build (or set NEXT_DIST_DIR to an existing one).
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const arg = (k, d) => process.argv.find((a) => a.startsWith(`--${k}=`))?.split("=")[1] ?? d;
const CONNECTIONS = Number(arg("connections", "32"));
const DURATION = Number(arg("duration", "15"));
const TARGETS = arg("targets", "pglite,postgres,bare").split(",");
const PORT = Number(arg("port", "3380"));
/** Distinct senders: many → mostly new tips (each takes the ref counter's row lock); few → threading. */
const SENDERS = Number(arg("senders", "2000"));
const BARE_PORT = Number(arg("bare-port", "3390"));
const WATCH_ITEMS = Number(arg("watch-items", "0"));
const DIST = process.env.NEXT_DIST_DIR ?? ".next-bench";
const DB = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mukhbir_ingest_bench";
const SECRET = "bench-app-secret";
const PNID = "106540352242922";
const DATA = path.join(root, ".data-bench-ingest");
const BENCH_SECRETS = {
  AUTH_SECRET: "bench-auth-secret-0123456789abcdefghijklmnop",
  AUDIT_KEY: "bench-audit-key-0123456789abcdefghijklmnop",
  IDENTITY_PEPPER: "bench-pepper-0123456789abcdefghijklmnopqrstu",
  IDENTITY_KEYS: "b1:" + Buffer.alloc(32, 5).toString("base64"),
  IDENTITY_ACTIVE_KEY: "b1",
};

if (!fs.existsSync(path.join(root, DIST, "BUILD_ID"))) {
  console.error(`No build in ${DIST}: run NEXT_DIST_DIR=${DIST} npx next build first.`);
  process.exit(1);
}

// --- payloads -------------------------------------------------------------------------------
const TEXTS = [
  "Kareli me kachhi sharab bik rahi hai roz raat 9 baje",
  "चेन स्नैचिंग हुई अभी सिविल लाइंस में, बाइक UP70AB1234",
  "Drug peddling near Naini bus stand after 8 pm",
];
let seq = 0;
function signedMessage() {
  seq += 1;
  const from = `9199${String(crypto.randomInt(0, SENDERS)).padStart(8, "0")}`;
  const payload = {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: PNID },
              contacts: [{ profile: { name: "Bench Informant" }, wa_id: from }],
              messages: [
                {
                  from,
                  id: `wamid.BENCH${process.pid}${Date.now().toString(36)}${seq}${crypto.randomBytes(4).toString("hex")}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: "text",
                  text: { body: TEXTS[seq % TEXTS.length] },
                },
              ],
            },
          },
        ],
      },
    ],
  };
  const body = JSON.stringify(payload);
  return { body, sig: "sha256=" + crypto.createHmac("sha256", SECRET).update(body).digest("hex") };
}

function load(url, duration = DURATION) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration,
        timeout: 30,
        requests: [
          {
            method: "POST",
            setupRequest: (req) => {
              const m = signedMessage();
              return {
                ...req,
                body: m.body,
                headers: { ...req.headers, "content-type": "application/json", "x-hub-signature-256": m.sig },
              };
            },
          },
        ],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
}

const summary = (name, r) => ({
  target: name,
  rps: Math.round(r.requests.average),
  ok: r["2xx"],
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
  p50: r.latency.p50,
  p99: r.latency.p99,
  max: r.latency.max,
});

// --- servers --------------------------------------------------------------------------------
async function waitFor(url, ms = 180_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${url}`);
}

function start(cmd, args, env) {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  child.stderr.on("data", (d) => {
    if (/error/i.test(String(d))) process.stderr.write(d);
  });
  return () =>
    new Promise((resolve) => {
      child.once("exit", resolve);
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        resolve();
      }
    });
}

async function resetPostgres() {
  const admin = new pg.Client({ connectionString: DB.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  const name = DB.split("/").pop();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

async function runApp(engine) {
  fs.rmSync(DATA, { recursive: true, force: true });
  if (engine === "postgres") await resetPostgres();
  const stop = start(process.execPath, ["scripts/start.mjs"], {
    // Not demo mode (it refuses NODE_ENV=production): the secrets a production start needs, fixed for the bench.
    NEXT_DIST_DIR: DIST,
    MUKHBIR_REUSE_BUILD: "1",
    PORT: String(PORT),
    DATA_DIR: DATA,
    DEMO_MODE: "false",
    ...BENCH_SECRETS,
    DATABASE_URL: engine === "postgres" ? DB : "",
    PUBLIC_BASE_URL: `http://127.0.0.1:${PORT}`,
    BENCH_ROUTES: "true",
    WORKER_ENABLED: "false",
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_PHONE_NUMBER_IDS: PNID,
    WHATSAPP_API_BASE: "http://127.0.0.1:9/meta",
    NODE_ENV: "production",
  });
  try {
    await waitFor(`http://127.0.0.1:${PORT}/api/health`);
    if (WATCH_ITEMS && engine === "postgres") seedWatchItems();
    const base = `http://127.0.0.1:${PORT}`;
    await load(`${base}/api/webhooks/whatsapp`, 3); // warm-up: JIT, connection pools, first tips
    await load(`${base}/api/bench/empty`, 3);
    const empty = summary(`empty route (${engine} server)`, await load(`${base}/api/bench/empty`));
    const before = await countMessages(engine, base);
    const ingest = summary(
      `ingest, ${engine === "postgres" ? "PostgreSQL" : "PGlite"}`,
      await load(`${base}/api/webhooks/whatsapp`),
    );
    await stop();
    const stored = (await countMessages(engine)) - before;
    const watchHits = engine === "postgres" ? await countWatchHits() : undefined;
    return { empty, ingest: { ...ingest, stored, watchHits } };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Messages whose keys overlapped a watch item at ingest (the GIN probe in the ingest statement): each
 * queued a `watch.match` job, which the bench's disabled worker leaves for later (ADR 0702).
 */
async function countWatchHits() {
  const c = new pg.Client({ connectionString: DB });
  await c.connect();
  const n = Number((await c.query(`SELECT count(*) AS n FROM "Job" WHERE "kind" = 'watch.match'`)).rows[0].n);
  await c.end();
  return n;
}

/** Watch items in the migrated bench database, keyed as the app keys an officer's (bench/ingest/seed-watch.ts). */
function seedWatchItems() {
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      "bench/ingest/seed-watch.ts",
      String(WATCH_ITEMS),
    ],
    { cwd: root, stdio: "inherit", env: { ...process.env, ...BENCH_SECRETS, DATABASE_URL: DB } },
  );
  if (r.status !== 0) throw new Error("seeding watch items failed");
}

/** Inbound messages in the database (PGlite can only be opened once the server has stopped). */
async function countMessages(engine, base) {
  if (engine === "pglite") {
    if (base) return null;
    const db = new PGlite(path.join(DATA, "pglite"), { extensions: { pg_trgm } });
    const n = Number((await db.query(`SELECT count(*) AS n FROM "Message" WHERE direction = 'INBOUND'`)).rows[0].n);
    await db.close();
    return n;
  }
  const c = new pg.Client({ connectionString: DB });
  await c.connect();
  const n = Number((await c.query(`SELECT count(*) AS n FROM "Message" WHERE direction = 'INBOUND'`)).rows[0].n);
  await c.end();
  return n;
}

async function runBare() {
  await resetPostgres();
  const stop = start(
    process.execPath,
    ["bench/ingest/bare-server.mjs", "--port", String(BARE_PORT), "--db", DB, "--secret", SECRET],
    {},
  );
  try {
    await new Promise((r) => setTimeout(r, 1500));
    await load(`http://127.0.0.1:${BARE_PORT}/`, 3);
    const c = new pg.Client({ connectionString: DB });
    await c.connect();
    const before = Number((await c.query("SELECT count(*) AS n FROM bench_message")).rows[0].n);
    const r = summary("bare node:http + pg", await load(`http://127.0.0.1:${BARE_PORT}/`));
    const after = Number((await c.query("SELECT count(*) AS n FROM bench_message")).rows[0].n);
    await c.end();
    await stop();
    return { ...r, stored: after - before };
  } catch (e) {
    await stop();
    throw e;
  }
}

const results = [];
const machine = {
  date: new Date().toISOString(),
  nproc: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadavg: os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" "),
  connections: CONNECTIONS,
  durationSec: DURATION,
  senders: SENDERS,
  watchItems: WATCH_ITEMS,
};
console.log(JSON.stringify(machine));
for (const t of TARGETS) {
  if (t === "bare") results.push(await runBare());
  else {
    const r = await runApp(t);
    results.push(r.empty, r.ingest);
  }
  console.log(JSON.stringify(results.at(-1)));
}
fs.rmSync(DATA, { recursive: true, force: true });

const ref = (name) => results.find((r) => r.target.startsWith(name));
console.log(
  "\n| target | msg/s | p50 ms | p99 ms | 2xx | non-2xx / errors | stored | ratio |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
);
for (const r of results) {
  const emptyRef = r.target.includes("PostgreSQL")
    ? ref("empty route (postgres")
    : r.target.includes("PGlite")
      ? ref("empty route (pglite")
      : null;
  const ratio = emptyRef
    ? `${(r.rps / emptyRef.rps).toFixed(2)}× empty route`
    : r.target.startsWith("bare") && ref("ingest, PostgreSQL")
      ? `app PG = ${(ref("ingest, PostgreSQL").rps / r.rps).toFixed(2)}× bare`
      : "";
  console.log(
    `| ${r.target} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.non2xx} / ${r.errors + r.timeouts} | ${r.stored ?? ""} | ${ratio} |`,
  );
}
fs.writeFileSync(path.join(root, "bench/ingest/last-run.json"), JSON.stringify({ machine, results }, null, 2));
