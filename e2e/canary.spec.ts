// The canary: a known number, business-scoped user id and profile name write, react, reply-to and
// call through every provider, with ids in their real formats (a WhatsApp id is base64 of a record
// holding the number); the desk acknowledges, an officer replies, and statuses come back for both.
// Then the whole database (every column of every table of every schema, each value also
// base64-decoded), the server's log, a sample of live events, and every page, JSON, CSV and media
// response the app serves to an officer, a supervisor and an admin are searched for that number
// (every usual spelling), that user id and that name. Zero hits. The search is shown to find them
// where they are (the payloads we send), and each explicit page must answer 200 and show the
// canary's tip — a 404 or a sign-in page fails the test instead of passing it.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { E2E } from "./env";
import {
  postWhatsApp,
  whatsappBatch,
  postTwilio,
  twilioWhatsAppParams,
  twilioCallParams,
  twilioSid,
  getExotelPassthru,
  postExotelStatus,
  exotelPassthruParams,
  withDatabase,
  wamid,
} from "./webhooks";
import { fakeCalls, whatsappStatus } from "./tip-helpers";
import { hits as found, needlesFor, searchDatabase } from "../lib/testing/identity-search";

const LOCAL = "9369027514"; // the canary's ten digits (an unassigned-looking Indian mobile)
const NUMBER = `91${LOCAL}`;
const NAME = "Zorawar Canarywala";
const BSUID = "IN.8836492017364519";
const NEEDLES = [...needlesFor(LOCAL, NAME), BSUID, BSUID.slice(3)];
const hits = (text: string) => found(text, NEEDLES);

test.describe.configure({ mode: "serial" });

test("the canary's number, user id and name appear nowhere: database, log, live events, pages, JSON, CSV, media", async ({
  request,
  as,
}) => {
  test.setTimeout(360_000);
  const marker = `canary${crypto.randomBytes(4).toString("hex")}`;
  const officer = await as("officer");

  // A sample of the live stream while everything happens, read by a browser tab of the officer's.
  const watcher = await officer.context().newPage();
  await watcher.goto("/queue?view=all&dir=desc");
  await watcher.evaluate(() => {
    const w = window as unknown as { __live: string[] };
    w.__live = [];
    const es = new EventSource("/api/live");
    for (const name of ["tip", "ready", "resync", "ping"])
      es.addEventListener(name, (m) =>
        w.__live.push(`${name} ${(m as MessageEvent).lastEventId} ${(m as MessageEvent).data}`),
      );
  });

  // WhatsApp Cloud API: a text, a voice note and a location; a reply to the text (context.id) that
  // types the informant's own number; a reaction to it; their own contact card; then a message
  // with the business-scoped user id beside the number, and one with the user id alone.
  const text = { id: wamid(NUMBER), type: "text", text: { body: `${marker} illegal liquor near the ghat` } };
  const meta = whatsappBatch({
    from: NUMBER,
    name: NAME,
    messages: [
      text,
      {
        type: "audio",
        audio: {
          mime_type: "audio/ogg; codecs=opus",
          sha256: "NJT5HiKPNfn40ovvZVVcxHqtBFtGsaKwGkfEe5aD/jk=",
          id: "1003383421387999",
          voice: true,
        },
      },
      { type: "location", location: { latitude: 25.4358, longitude: 81.8463, name: "Sangam" } },
      {
        type: "text",
        context: { from: NUMBER, id: text.id },
        text: { body: `${marker} mera number ${LOCAL.slice(0, 5)} ${LOCAL.slice(5)} hai, ${NAME} bol raha hoon` },
      },
      { type: "reaction", reaction: { message_id: text.id, emoji: "🙏" } },
      {
        type: "contacts",
        contacts: [{ name: { formatted_name: NAME }, phones: [{ phone: `+${NUMBER}`, wa_id: NUMBER, type: "CELL" }] }],
      },
    ],
  });
  // The detector sees identity where it is — in the raw ids too — or a pass would mean nothing.
  expect(hits(JSON.stringify(meta))).toEqual(expect.arrayContaining([NUMBER, LOCAL, NAME]));
  expect(hits(text.id)).toEqual(expect.arrayContaining([NUMBER, LOCAL]));
  expect((await postWhatsApp(request, meta)).status()).toBe(200);
  expect(
    (
      await postWhatsApp(
        request,
        whatsappBatch({
          from: NUMBER,
          userId: BSUID,
          name: NAME,
          messages: [{ type: "text", text: { body: `${marker} with my user id` } }],
        }),
      )
    ).status(),
  ).toBe(200);
  expect(
    (
      await postWhatsApp(
        request,
        whatsappBatch({
          userId: BSUID,
          name: NAME,
          messages: [{ type: "text", text: { body: `${marker} user id only, number ${LOCAL}` } }],
        }),
      )
    ).status(),
  ).toBe(200);

  // The canary's WhatsApp tip; an officer replies from its page (through WhatsApp: it is the channel they last wrote on).
  const [{ ref }] = await withDatabase((q) =>
    q(
      `SELECT t.ref FROM "Tip" t JOIN "Message" m ON m."tipId" = t.id WHERE m.body LIKE $1 AND m.provider = 'META' LIMIT 1`,
      [`${marker} illegal%`],
    ),
  );
  await officer.goto(`/tips/${ref}`);
  await expect(officer.getByTestId("tip-ref")).toHaveText(String(ref));
  const reply = `Kripya aur batayein ${marker}`;
  await officer.getByPlaceholder("Write to the informant (they never see your name)…").fill(reply);
  await officer.getByRole("button", { name: "Send reply" }).click();
  await expect(officer.getByTestId("message").filter({ hasText: reply })).toHaveAttribute("data-direction", "OUTBOUND");

  // The acknowledgement and the reply reach the fake Graph API; WhatsApp's ids for them hold the number.
  // (Once the informant wrote with their user id, replies go to it — Meta's `recipient` — not to the number.)
  let sent: { id: string; to: string }[] = [];
  await expect
    .poll(
      async () => {
        sent = (await fakeCalls(request))
          .filter((c) => c.route === "meta.send")
          .map((c) => ({
            id: (c.response as { messages: { id: string }[] }).messages[0].id,
            to: String(
              (c.body as { to?: string; recipient?: string }).to ?? (c.body as { recipient?: string }).recipient,
            ),
          }))
          .filter((c) => c.to === NUMBER || c.to === BSUID);
        return sent.length;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(2);
  expect(
    sent.filter((c) => c.to === NUMBER).every((c) => hits(c.id).includes(NUMBER)),
    "WhatsApp's ids for our messages hold the number",
  ).toBe(true);
  for (const { id } of sent)
    for (const st of ["sent", "delivered", "read"] as const)
      expect((await postWhatsApp(request, whatsappStatus(id, st, NUMBER))).status()).toBe(200);
  await expect(officer.getByTestId("message").filter({ hasText: reply }).getByTestId("ticks")).toHaveAttribute(
    "data-status",
    "READ",
    { timeout: 20_000 },
  );

  // Twilio WhatsApp (whatsapp:+91…, WaId, ProfileName) and Twilio Voice with a recording.
  expect(
    (
      await postTwilio(
        request,
        "/api/webhooks/twilio/whatsapp",
        twilioWhatsAppParams(`+${NUMBER}`, `${marker} second message`, NAME),
      )
    ).status(),
  ).toBe(200);
  const call = twilioCallParams(`+${NUMBER}`, { CallerName: NAME });
  expect((await postTwilio(request, "/api/webhooks/twilio/voice", call)).status()).toBe(200);
  const rec = {
    AccountSid: call.AccountSid,
    CallSid: call.CallSid,
    RecordingSid: twilioSid("RE"),
    RecordingUrl: `${E2E.fakeUrl}/twilio/2010-04-01/Accounts/${call.AccountSid}/Recordings/RE1`,
    RecordingStatus: "completed",
    RecordingDuration: "9",
  };
  expect((await postTwilio(request, "/api/webhooks/twilio/voice/recording", rec)).status()).toBe(200);
  expect(
    (
      await postTwilio(request, "/api/webhooks/twilio/voice/status", {
        ...call,
        CallStatus: "completed",
        CallDuration: "20",
      })
    ).status(),
  ).toBe(200);
  // Exotel: national format with the trunk 0, IVR digits, then the status callback.
  const ex = exotelPassthruParams(`0${LOCAL}`, { digits: '"3"' });
  expect((await getExotelPassthru(request, ex)).status()).toBe(200);
  expect(
    (
      await postExotelStatus(request, {
        CallSid: ex.CallSid,
        Status: "completed",
        From: `0${LOCAL}`,
        To: "08047112233",
        DateUpdated: "2026-11-30 10:22:00",
      })
    ).status(),
  ).toBe(200);
  // Exotel callbacks are stored once a job has confirmed the call with Exotel's API (ADR 0211).
  await expect
    .poll(
      async () =>
        (
          await withDatabase((q) =>
            q(`SELECT count(*)::int AS n FROM "Message" WHERE "providerMessageId" = $1`, [ex.CallSid]),
          )
        )[0].n,
      { timeout: 30_000 },
    )
    .toBe(1);

  const refs = (
    await withDatabase((q) =>
      q(
        `SELECT DISTINCT t.ref FROM "Tip" t JOIN "Message" m ON m."tipId" = t.id WHERE m.body LIKE $1 OR m."providerMessageId" IN ($2, $3)`,
        [`${marker}%`, call.CallSid, ex.CallSid],
      ),
    )
  ).map((r) => String(r.ref));
  expect(refs.length, "canary tips").toBeGreaterThan(0);

  // Each canary tip's page, for each role that may see it: 200 and the tip itself, never a sign-in page or a 404.
  const seen: { url: string; found: string[] }[] = [];
  for (const role of ["officer", "supervisor", "admin"] as const) {
    const page = role === "officer" ? officer : await as(role);
    page.on("response", async (res) => {
      const type = res.headers()["content-type"] ?? "";
      if (!/json|html|text\/|image\/|audio\/|video\/|application\/(pdf|octet-stream)/.test(type)) return;
      const body = await res.body().catch(() => Buffer.alloc(0));
      seen.push({
        url: `${role} ${res.url()}`,
        found: hits(body.toString(/text|json/.test(type) ? "utf8" : "latin1")),
      });
    });
    for (const r of refs) {
      const res = await page.goto(`/tips/${r}`);
      expect(res?.status(), `${role} /tips/${r}`).toBe(200);
      await expect(page.getByTestId("tip-ref")).toHaveText(r);
      // Media on the page (display copies) load through the listener above.
      await page.waitForLoadState("networkidle");
    }
    const queue = await page.goto(`/queue?view=all&q=${marker}`);
    expect(queue?.status()).toBe(200);
    await expect(page.getByTestId("queue-table").locator("tbody tr").first()).toContainText(/EM-\d{4}-\d{6}/);
    for (const api of [`/api/queue/rows?view=all&q=${marker}`, "/api/queue/rows", "/api/reports/tips.csv?range=30d"]) {
      const res = await page.request.get(api);
      if (api.includes("csv") && role === "officer") continue; // officers may not export
      expect(res.status(), `${role} GET ${api}`).toBe(200);
      const body = await res.text();
      if (api.includes(marker))
        expect(
          refs.some((r) => body.includes(r)),
          `${role} ${api} lists a canary tip`,
        ).toBe(true);
      seen.push({ url: `${role} GET ${api}`, found: hits(body) });
    }
    await crawl(
      page,
      ["/", "/queue", "/dashboard", "/dashboard/report", "/admin", "/admin/webhooks"],
      role === "officer" ? 30 : 60,
    );
  }
  test.info().annotations.push({ type: "responses searched", description: String(seen.length) });
  expect(seen.length).toBeGreaterThan(40);
  expect(
    seen.some((s) => /image\/|audio\//.test(s.url) || /\/media\//.test(s.url)),
    "media responses were searched",
  ).toBe(true);
  expect(
    seen.filter((s) => s.found.length),
    "responses containing identity",
  ).toEqual([]);

  // The live events the officer's browser received meanwhile.
  const live = await watcher.evaluate(() => (window as unknown as { __live?: string[] }).__live ?? []);
  expect(live.filter((l) => l.startsWith("tip ")).length, "live events sampled").toBeGreaterThan(3);
  expect(hits(live.join("\n")), "live events containing identity").toEqual([]);

  // The database: every column of every table of every schema, each value also base64-decoded.
  const db = await withDatabase(async (q) => ({
    ...(await searchDatabase(q, NEEDLES)),
    stored: (await q(`SELECT count(*)::int AS n FROM "Message" WHERE body LIKE $1`, [`${marker}%`]))[0].n as number,
    aliases: (
      await q(
        `SELECT count(DISTINCT m."informantId")::int AS n FROM "Message" m WHERE m.body LIKE $1 AND m.provider = 'META'`,
        [`${marker}%`],
      )
    )[0].n as number,
  }));
  expect(db.stored, "canary messages stored").toBe(5);
  expect(db.aliases, "one informant whichever identifiers WhatsApp sent").toBe(1);
  expect(db.rows).toBeGreaterThan(50);
  expect(db.found, "database values containing identity").toEqual([]);

  // The server's own output (scripts/e2e-server.ts tees it into DATA_DIR/server.log).
  const log = fs.readFileSync(path.join(E2E.dataDir, "server.log"), "utf8");
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
    const links = await page
      .$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""))
      .catch(() => [] as string[]);
    for (const l of links) if (l && !l.startsWith("#") && !l.startsWith("mailto:")) queue.push(l);
  }
}
