// Graceful shutdown (lib/lifecycle/shutdown.ts): SIGTERM in the middle of a burst of webhooks.
// Every delivery that got a 2xx is stored, the open live stream is told to go (it ends), the
// process exits 0 with no uncaughtException in its log, and the deliveries that did not get a 2xx
// are stored exactly once when the provider redelivers them to the next server. PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { test, expect, signInRequest, DEMO } from "./fixtures";
import { whatsappText } from "./webhooks";
import { freePort, resetPostgres, startServer, testPhone, type Server } from "./queue-servers";
import { signMeta } from "./webhooks";

const DB = process.env.QUEUE_E2E_DATABASE_URL;
const BURST = 150;

test.describe.configure({ timeout: 240_000 });
test.beforeAll(() => {
  if (!DB)
    throw new Error(
      "set QUEUE_E2E_DATABASE_URL to a local PostgreSQL database this spec may reset (`npm test` sets a default)",
    );
});

let server: Server | undefined;
test.afterAll(async () => server?.stop());

async function deliver(url: string, payload: unknown): Promise<number> {
  const body = JSON.stringify(payload);
  try {
    const res = await fetch(`${url}/api/webhooks/whatsapp`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(body) },
    });
    return res.status;
  } catch {
    return 0; // connection refused or reset: no answer, the provider retries
  }
}

test("SIGTERM during a burst: every 2xx stored, live streams end, exit 0, the rest stored once on redelivery", async ({
  playwright,
}) => {
  await resetPostgres(DB!);
  const port = await freePort();
  server = await startServer({ port, databaseUrl: DB, env: { LOG_LEVEL: "info" } });
  const api = await playwright.request.newContext({ baseURL: server.url });
  expect((await signInRequest(api, DEMO.officer.username, DEMO.officer.password)).status()).toBeLessThan(400);
  const cookie = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");

  // An open live stream, read until it ends.
  const stream = await fetch(`${server.url}/api/live`, { headers: { cookie, accept: "text/event-stream" } });
  expect(stream.status).toBe(200);
  const reader = stream.body!.getReader();
  const ended = (async () => {
    for (;;) if ((await reader.read().catch(() => ({ done: true }))).done) return true;
  })();

  const payloads = Array.from({ length: BURST }, (_, i) => whatsappText(testPhone(), `shutdown burst ${i}`));
  const statuses: number[] = new Array(BURST).fill(-1);
  const exited = new Promise<number | null>((resolve) => server!.child.once("exit", (code) => resolve(code)));
  let sent = 0;
  const senders = Array.from({ length: 8 }, async () => {
    while (sent < BURST) {
      const i = sent++;
      if (i === 40) process.kill(-server!.child.pid!, "SIGTERM");
      statuses[i] = await deliver(server!.url, payloads[i]);
    }
  });
  await Promise.all(senders);
  const code = await exited;
  expect(code).toBe(0);
  expect(await ended).toBe(true);
  const log = fs.readFileSync(path.join(process.cwd(), ".data-queue-logs", `server-${port}.log`), "utf8");
  expect(log).not.toMatch(/uncaughtException|unhandledRejection/);
  expect(log).toMatch(/"msg":"shut down"/);

  const db = new pg.Client({ connectionString: DB });
  await db.connect();
  const stored = async () =>
    (
      await db.query<{ body: string }>(
        `SELECT "body" FROM "Message" WHERE "direction" = 'INBOUND' AND "body" LIKE 'shutdown burst %'`,
      )
    ).rows.map((r) => r.body);
  const ok = statuses.flatMap((s, i) => (s >= 200 && s < 300 ? [i] : []));
  const before = new Set(await stored());
  for (const i of ok)
    expect(before.has(`shutdown burst ${i}`), `delivery ${i} got ${statuses[i]} but is not stored`).toBe(true);
  expect(ok.length).toBeGreaterThan(0);
  expect(ok.length).toBeLessThan(BURST);

  // The provider redelivers everything that got no 2xx, to the next server.
  server = await startServer({ port, databaseUrl: DB });
  for (const [i, s] of statuses.entries())
    if (!(s >= 200 && s < 300)) expect(await deliver(server.url, payloads[i])).toBe(200);
  const after = await stored();
  expect(after.length).toBe(BURST);
  expect(new Set(after).size).toBe(BURST);
  console.log(
    `shutdown: ${BURST} deliveries, ${ok.length} answered 2xx before exit, ${BURST - ok.length} redelivered, 0 lost, 0 duplicated`,
  );
  await db.end();
  await api.dispose();
});
