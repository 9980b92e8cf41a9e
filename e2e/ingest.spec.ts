// Provider webhooks against the real server: signatures, limits, malformed input, duplicates,
// verification — and what an officer then sees.
import { test, expect } from "./fixtures";
import { E2E } from "./env";
import {
  postWhatsApp,
  signMeta,
  whatsappBatch,
  whatsappText,
  postTwilio,
  twilioWhatsAppParams,
  twilioCallParams,
  getExotelPassthru,
  exotelPassthruParams,
  withDatabase,
  storedId,
} from "./webhooks";

const tipOfCall = async (callSid: string) =>
  (
    await withDatabase((q) =>
      q(`SELECT t.ref FROM "Message" m JOIN "Tip" t ON t.id = m."tipId" WHERE m."providerMessageId" = $1`, [callSid]),
    )
  )[0]?.ref as string | undefined;

const WEBHOOK = `${E2E.baseUrl}/api/webhooks/whatsapp`;
let n = 0;
const number = () => `91700${String(process.pid % 10000).padStart(4, "0")}${String(++n).padStart(3, "0")}`;

test.describe("WhatsApp webhook", () => {
  test("verifies the subscription only with our token", async ({ request }) => {
    const ok = await request.get(
      `${WEBHOOK}?hub.mode=subscribe&hub.verify_token=${E2E.serverEnv.WHATSAPP_VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(ok.status()).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    expect((await request.get(`${WEBHOOK}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)).status()).toBe(
      403,
    );
  });

  test("rejects forged or missing signatures (401), oversize bodies (413) and malformed JSON (400), storing nothing", async ({
    request,
  }) => {
    const marker = `forged-${Date.now()}`;
    const raw = JSON.stringify(whatsappText(number(), marker));
    const forged = await request.post(WEBHOOK, {
      data: raw,
      headers: { "content-type": "application/json", "x-hub-signature-256": "sha256=" + "0".repeat(64) },
    });
    expect(forged.status()).toBe(401);
    const missing = await request.post(WEBHOOK, { data: raw, headers: { "content-type": "application/json" } });
    expect(missing.status()).toBe(401);
    const big = JSON.stringify({ object: "whatsapp_business_account", entry: [], pad: "x".repeat(1024 * 1024 + 10) });
    expect(
      (
        await request.post(WEBHOOK, {
          data: big,
          headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(big) },
        })
      ).status(),
    ).toBe(413);
    const bad = "{ not json";
    expect(
      (
        await request.post(WEBHOOK, {
          data: Buffer.from(bad),
          headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(bad) },
        })
      ).status(),
    ).toBe(400);
    const wrongShape = JSON.stringify({ object: "page", entry: "x" });
    expect(
      (
        await request.post(WEBHOOK, {
          data: wrongShape,
          headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(wrongShape) },
        })
      ).status(),
    ).toBe(400);
    const rows = await withDatabase((q) => q(`SELECT count(*)::int AS n FROM "Message" WHERE body = $1`, [marker]));
    expect(rows[0].n).toBe(0);
  });

  test("ten concurrent copies of one delivery make one message; an unknown type is recorded with its reason", async ({
    request,
  }) => {
    const from = number();
    const marker = `concurrent-${Date.now()}`;
    const payload = whatsappBatch({
      from,
      messages: [
        { type: "text", text: { body: marker } },
        { type: "poll_creation", poll_creation: { name: "?" } },
      ],
    });
    const results = await Promise.all(Array.from({ length: 10 }, () => postWhatsApp(request, payload)));
    expect(results.map((r) => r.status())).toEqual(Array(10).fill(200));
    const stored = await withDatabase(async (q) => ({
      messages: await q(
        `SELECT m.kind, m."tipId" FROM "Message" m JOIN "WebhookEvent" w ON w."externalId" = m."providerMessageId" WHERE m.body = $1`,
        [marker],
      ),
      unknown: await q(`SELECT status, error FROM "WebhookEvent" WHERE "externalId" = $1`, [
        storedId((payload.entry[0].changes[0].value.messages[1] as { id: string }).id),
      ]),
    }));
    expect(stored.messages).toHaveLength(1);
    expect(stored.unknown).toEqual([{ status: "PROCESSED", error: 'message type "poll_creation" not supported' }]);
  });
});

test.describe("Twilio and Exotel webhooks", () => {
  test("Twilio WhatsApp needs a valid signature over the public URL", async ({ request }) => {
    const params = twilioWhatsAppParams(`+${number()}`, "hello");
    expect((await postTwilio(request, "/api/webhooks/twilio/whatsapp", params, "bm90LWEtc2lnbmF0dXJl")).status()).toBe(
      401,
    );
    expect((await postTwilio(request, "/api/webhooks/twilio/whatsapp", params)).status()).toBe(200);
    expect((await postTwilio(request, "/api/webhooks/twilio/whatsapp", params)).status()).toBe(200);
  });

  test("Twilio Voice answers with TwiML", async ({ request }) => {
    const res = await postTwilio(request, "/api/webhooks/twilio/voice", twilioCallParams(`+${number()}`));
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("xml");
    expect(await res.text()).toMatch(/<Response><Say language="hi-IN">.*<Record /s);
  });

  test("Exotel needs the secret path token", async ({ request }) => {
    expect((await getExotelPassthru(request, exotelPassthruParams(`0${number().slice(2)}`), "guess")).status()).toBe(
      401,
    );
    expect((await getExotelPassthru(request, exotelPassthruParams(`0${number().slice(2)}`))).status()).toBe(200);
  });

  test("a forged Exotel call naming an informant's number is kept apart, shown as unverified", async ({
    request,
    as,
  }) => {
    const from = number();
    const marker = `forged-call-${Date.now()}`;
    expect((await postWhatsApp(request, whatsappText(from, marker))).status()).toBe(200);
    // The right path token, the informant's number, a CallSid Exotel never issued.
    const forged = exotelPassthruParams(`0${from.slice(2)}`);
    expect((await getExotelPassthru(request, forged, undefined, { register: false })).status()).toBe(200);
    await expect.poll(() => tipOfCall(forged.CallSid), { timeout: 30_000 }).toBeTruthy();
    const [own] = await withDatabase((q) =>
      q(`SELECT t.ref FROM "Message" m JOIN "Tip" t ON t.id = m."tipId" WHERE m.body = $1`, [marker]),
    );
    const callRef = (await tipOfCall(forged.CallSid))!;
    expect(callRef).not.toBe(own.ref);
    const page = await as("officer");
    await page.goto(`/tips/${own.ref}`);
    await expect(page.getByText(marker)).toBeVisible();
    await expect(page.getByTestId("call")).toHaveCount(0);
    await page.goto(`/tips/${callRef}`);
    await expect(page.getByTestId("call-unverified")).toContainText("Exotel has no record of this call");
  });
});
