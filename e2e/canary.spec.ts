// The canary: a known number and profile name write and call through every provider; then the
// whole database (every column of every table, as text), the server's log, and every page and
// JSON response the app serves to an officer, a supervisor and an admin are searched for that
// number (with and without +91, the last ten digits, spaced and dashed) and that name. Zero hits.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { E2E } from "./env";
import {
  postWhatsApp, whatsappBatch, postTwilio, twilioWhatsAppParams, twilioCallParams, twilioSid, getExotelPassthru, postExotelStatus, exotelPassthruParams, withDatabase,
} from "./webhooks";

const LOCAL = "9369027514"; // the canary's ten digits (an unassigned-looking Indian mobile)
const NAME = "Zorawar Canarywala";
const NEEDLES = [`+91${LOCAL}`, `91${LOCAL}`, LOCAL, `+91 ${LOCAL.slice(0, 5)} ${LOCAL.slice(5)}`, `${LOCAL.slice(0, 5)} ${LOCAL.slice(5)}`, `${LOCAL.slice(0, 5)}-${LOCAL.slice(5)}`, `0${LOCAL}`, NAME, NAME.toLowerCase(), "Canarywala"];

function hits(text: string) {
  const lower = text.toLowerCase();
  return NEEDLES.filter((n) => lower.includes(n.toLowerCase()));
}

test.describe.configure({ mode: "serial" });

test("the canary's number and name appear nowhere: database, log, pages, JSON", async ({ request, as }) => {
  test.setTimeout(240_000);
  const marker = `canary-${Date.now()}`;
  // WhatsApp Cloud API: text, voice note and location, with the profile name.
  const meta = whatsappBatch({
    from: `91${LOCAL}`,
    name: NAME,
    messages: [
      { type: "text", text: { body: `${marker} illegal liquor near the ghat` } },
      { type: "audio", audio: { mime_type: "audio/ogg; codecs=opus", sha256: "NJT5HiKPNfn40ovvZVVcxHqtBFtGsaKwGkfEe5aD/jk=", id: "1003383421387999", voice: true } },
      { type: "location", location: { latitude: 25.4358, longitude: 81.8463, name: "Sangam" } },
    ],
  });
  // The detector itself must see identity where it is (the payload we send), or a pass means nothing.
  expect(hits(JSON.stringify(meta)).sort()).toEqual([`91${LOCAL}`, LOCAL, NAME, NAME.toLowerCase(), "Canarywala"].sort());
  expect((await postWhatsApp(request, meta)).status()).toBe(200);
  // Twilio WhatsApp (whatsapp:+91…, WaId, ProfileName) and Twilio Voice with a recording.
  expect((await postTwilio(request, "/api/webhooks/twilio/whatsapp", twilioWhatsAppParams(`+91${LOCAL}`, `${marker} second message`, NAME))).status()).toBe(200);
  const call = twilioCallParams(`+91${LOCAL}`, { CallerName: NAME });
  expect((await postTwilio(request, "/api/webhooks/twilio/voice", call)).status()).toBe(200);
  const rec = { AccountSid: call.AccountSid, CallSid: call.CallSid, RecordingSid: twilioSid("RE"), RecordingUrl: `${E2E.fakeUrl}/twilio/2010-04-01/Accounts/${call.AccountSid}/Recordings/RE1`, RecordingStatus: "completed", RecordingDuration: "9" };
  expect((await postTwilio(request, "/api/webhooks/twilio/voice/recording", rec)).status()).toBe(200);
  expect((await postTwilio(request, "/api/webhooks/twilio/voice/status", { ...call, CallStatus: "completed", CallDuration: "20" })).status()).toBe(200);
  // Exotel: national format with the trunk 0, IVR digits, then the status callback.
  const ex = exotelPassthruParams(`0${LOCAL}`, { digits: '"3"' });
  expect((await getExotelPassthru(request, ex)).status()).toBe(200);
  expect((await postExotelStatus(request, { CallSid: ex.CallSid, Status: "completed", From: `0${LOCAL}`, To: "08047112233", DateUpdated: "2026-11-30 10:22:00" })).status()).toBe(200);

  // Exotel callbacks are stored once a job has confirmed the call with Exotel's API (ADR 0211).
  await expect.poll(async () => (await withDatabase((q) => q(`SELECT count(*)::int AS n FROM "Message" WHERE "providerMessageId" = $1`, [ex.CallSid])))[0].n, { timeout: 30_000 }).toBe(1);

  // The canary's tips, so their pages and JSON are visited explicitly as well as by following links.
  const refs = (await withDatabase((q) => q(`SELECT DISTINCT t.ref FROM "Tip" t JOIN "Message" m ON m."tipId" = t.id WHERE m.body LIKE $1 OR m."providerMessageId" IN ($2, $3)`, [`${marker}%`, call.CallSid, ex.CallSid]))).map((r) => String(r.ref));
  expect(refs.length, "canary tips").toBeGreaterThan(0);
  const explicit = [...refs.flatMap((ref) => [`/tips/${ref}`, `/queue?q=${marker}`, `/queue?ref=${ref}`]), "/api/queue/rows", `/api/queue/rows?q=${marker}`, "/api/reports/tips.csv", "/dashboard/report"];

  // Every page and JSON response, for each role: follow links breadth-first from the home page.
  const seen: { url: string; found: string[] }[] = [];
  for (const role of ["officer", "supervisor", "admin"] as const) {
    const page = await as(role);
    page.on("response", async (res) => {
      const type = res.headers()["content-type"] ?? "";
      if (!/json|html|text\/(plain|x-component|csv)/.test(type)) return;
      const body = await res.text().catch(() => "");
      seen.push({ url: `${role} ${res.url()}`, found: hits(body) });
    });
    await crawl(page, [...explicit, "/", "/queue", "/dashboard", "/admin"], role === "officer" ? 40 : 80);
    for (const api of explicit.filter((u) => u.startsWith("/api/"))) {
      const res = await page.request.get(api);
      seen.push({ url: `${role} GET ${api} ${res.status()}`, found: hits(await res.text()) });
    }
  }
  test.info().annotations.push({ type: "responses searched", description: String(seen.length) });
  expect(seen.length).toBeGreaterThan(20);
  expect(seen.filter((s) => s.found.length), "responses containing identity").toEqual([]);

  // The database: every column of every table, cast to text.
  const dbHits = await withDatabase(async (q) => {
    const tables = await q(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    const found: string[] = [];
    let rows = 0;
    for (const { table_name } of tables) {
      const all = await q(`SELECT t::text AS row FROM "${String(table_name)}" t`);
      rows += all.length;
      for (const r of all) for (const h of hits(String(r.row))) found.push(`${table_name}: ${h}`);
    }
    const stored = await q(`SELECT count(*)::int AS n FROM "Message" WHERE body LIKE $1`, [`${marker}%`]);
    return { found, rows, stored: stored[0].n as number };
  });
  expect(dbHits.stored, "canary messages stored").toBe(2);
  expect(dbHits.rows).toBeGreaterThan(20);
  expect(dbHits.found, "database values containing identity").toEqual([]);

  // The server's own output (scripts/e2e-server.ts tees it into DATA_DIR/server.log).
  const log = fs.readFileSync(path.join(E2E.dataDir, "server.log"), "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(log).toContain('"msg":"webhook event"');
  expect(hits(log), "server log lines containing identity").toEqual([]);
});

/** Visits the given pages, then same-origin links breadth-first (GET only, never sign-out). */
async function crawl(page: Page, start: string[], limit: number) {
  const queue = [...start];
  const visited = new Set<string>();
  while (queue.length && visited.size < limit) {
    const url = new URL(queue.shift()!, E2E.baseUrl);
    if (url.origin !== E2E.baseUrl || /signout|logout|\/api\/(auth|live)|\/live$/.test(url.pathname)) continue;
    const key = url.pathname + url.search;
    if (visited.has(key)) continue;
    visited.add(key);
    const res = await page.goto(key, { waitUntil: "networkidle", timeout: 15_000 }).catch(() => null);
    if (!res) continue;
    const links = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? "")).catch(() => [] as string[]);
    for (const l of links) if (l && !l.startsWith("#") && !l.startsWith("mailto:")) queue.push(l);
  }
}
