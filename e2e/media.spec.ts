// A photo sent on WhatsApp is fetched from the (fake) Graph API, hash-checked and stored; a failed
// fetch shows in Admin → Webhooks with its reason and can be retried there; the stored file is
// served only to a signed-in officer, and only as a metadata-free copy (the original on request
// with a reason, matching the SHA-256 the provider announced).
import crypto from "node:crypto";
import sharp from "sharp";
import { request as playwrightRequest } from "@playwright/test";
import { test, expect } from "./fixtures";
import { E2E } from "./env";
import { PDFDocument } from "pdf-lib";
import { postWhatsApp, whatsappMessage, withDatabase } from "./webhooks";
import { buildFixtures } from "../lib/simulate/fake-media";

// Letters only: the provider error that carries it is scrubbed of number-like runs (lib/providers/http.ts),
// and a hex token that happened to hold seven digits in a row was scrubbed too (a flaky spec).
const token = Array.from(crypto.randomBytes(8), (b) => "abcdefghijklmnopqrstuvwxyz"[b % 26]).join("");
const phone = () => `9198${String(crypto.randomInt(0, 1e8)).padStart(8, "0")}`;

test("a WhatsApp photo ends STORED after an admin retries its failed fetch, and only officers can open it", async ({
  as,
  request,
}) => {
  const photo = (await buildFixtures()).photo.bytes;
  const announced = crypto.createHash("sha256").update(photo).digest("base64");

  // Graph refuses the first lookup with a 4xx: no automatic retry, the fetch fails with the reason.
  await request.post(`${E2E.fakeUrl}/_fail`, {
    data: {
      route: "meta.media",
      count: 1,
      status: 403,
      body: { error: { message: `(#10) permission denied ${token}`, code: 10 } },
    },
  });
  const mediaId = `photo-${crypto.randomInt(1e9, 9e9)}`;
  const res = await postWhatsApp(
    request,
    whatsappMessage({
      from: phone(),
      message: {
        type: "image",
        image: { id: mediaId, mime_type: "image/jpeg", sha256: announced, caption: `e2e photo ${token}` },
      },
    }),
  );
  expect(res.status()).toBe(200);

  const admin = await as("admin");
  const row = admin.getByTestId("failed-media").locator("tr", { hasText: token });
  await expect
    .poll(
      async () => {
        await admin.goto("/admin/webhooks");
        return row.count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  await expect(row).toContainText("WhatsApp media lookup failed: HTTP 403 code 10");
  const attachmentId = (await row.getAttribute("data-testid"))!.replace("failed-media-", "");
  const ref = (await row.getByRole("link").textContent())!.trim();
  expect(ref).toMatch(/^EM-\d{4}-\d{6}$/);
  await expect(admin.getByTestId("webhook-events")).toContainText("message.image");
  await admin.screenshot({ path: "test-results/admin-webhooks.png", fullPage: true });

  await row.getByRole("button", { name: "Retry" }).click();
  // The worker may fetch (and the row leave the list) before the confirmation renders: either is fine.
  await expect(async () => {
    if (await row.count()) await expect(row.getByRole("status")).toHaveText("Queued again.", { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect
    .poll(
      async () => {
        await admin.goto("/admin/webhooks");
        return admin.getByTestId(`failed-media-${attachmentId}`).count();
      },
      { timeout: 30_000 },
    )
    .toBe(0);

  // The fetch went to the fake Graph API with the bearer token, twice for the lookup.
  const calls = (await (await request.get(`${E2E.fakeUrl}/_calls`)).json()) as {
    route: string;
    path: string;
    headers: Record<string, string>;
  }[];
  const mine = calls.filter((c) => c.path.includes(mediaId));
  expect(mine.map((c) => c.route)).toEqual(["meta.media", "meta.media", "meta.download"]);
  expect(mine.every((c) => c.headers.authorization === `Bearer ${E2E.serverEnv.WHATSAPP_ACCESS_TOKEN}`)).toBe(true);

  // Anonymous: refused, no bytes.
  const anon = await playwrightRequest.newContext({ baseURL: E2E.baseUrl });
  const denied = await anon.get(`/api/tips/${ref}/media/${attachmentId}`);
  expect(denied.status()).toBe(401);
  expect(denied.headers()["content-type"]).not.toContain("image");
  await anon.dispose();

  // A signed-in officer gets the display copy: an image without any EXIF (no GPS, no phone model).
  const officer = await as("officer");
  const shown = await officer.request.get(`/api/tips/${ref}/media/${attachmentId}`);
  expect(shown.status()).toBe(200);
  expect(shown.headers()["content-type"]).toBe("image/jpeg");
  expect(shown.headers()["x-content-type-options"]).toBe("nosniff");
  expect(shown.headers()["cache-control"]).toContain("no-store");
  const copy = await shown.body();
  expect((await sharp(copy).metadata()).exif).toBeUndefined();
  expect(copy.includes(Buffer.from("Redmi Note 12"))).toBe(false);

  // The original, asked for with a reason, is byte for byte what the provider announced.
  const original = await officer.request.post(`/api/media/${attachmentId}/original`, {
    form: { reason: "court evidence copy" },
  });
  expect(original.status()).toBe(200);
  expect(original.headers()["content-disposition"]).toContain("attachment");
  expect(
    crypto
      .createHash("sha256")
      .update(await original.body())
      .digest("base64"),
  ).toBe(announced);
});

test("a PDF with author and creator is shown without them; the original matches the provider's SHA-256", async ({
  as,
  request,
}) => {
  const doc = await PDFDocument.load((await buildFixtures()).doc.bytes);
  doc.setAuthor("Ramesh Kumar Canary");
  doc.setCreator("Canon iR-ADV C5535 scanner");
  doc.setTitle("Complaint by Ramesh");
  const pdf = Buffer.from(await doc.save());
  const announced = crypto.createHash("sha256").update(pdf).digest("base64");
  const mediaId = `pdfmeta-${crypto.randomInt(1e9, 9e9)}`;
  expect(
    (
      await request.post(`${E2E.fakeUrl}/_media`, {
        data: { id: mediaId, mime: "application/pdf", base64: pdf.toString("base64") },
      })
    ).status(),
  ).toBe(200);
  const res = await postWhatsApp(
    request,
    whatsappMessage({
      from: phone(),
      message: {
        type: "document",
        document: {
          id: mediaId,
          mime_type: "application/pdf",
          sha256: announced,
          filename: "complaint.pdf",
          caption: "complaint copy",
        },
      },
    }),
  );
  expect(res.status()).toBe(200);
  const stored = async () =>
    (
      await withDatabase((q) =>
        q(
          `SELECT a.id, a."fetchState", a.sha256, t.ref FROM "Attachment" a JOIN "Message" m ON m.id = a."messageId" JOIN "Tip" t ON t.id = m."tipId" WHERE a."providerRef" = $1`,
          [mediaId],
        ),
      )
    )[0];
  await expect.poll(async () => (await stored())?.fetchState, { timeout: 30_000 }).toBe("STORED");
  const { id, ref, sha256 } = (await stored()) as { id: string; ref: string; sha256: string };
  expect(Buffer.from(sha256, "hex").toString("base64")).toBe(announced);

  const officer = await as("officer");
  await officer.goto(`/tips/${ref}`);
  await expect(officer.getByTestId("sha256")).toContainText(sha256);
  await expect(officer.getByTestId("media-document")).toBeVisible();
  const shown = await officer.request.get(`/api/tips/${ref}/media/${id}`);
  expect(shown.status()).toBe(200);
  expect(shown.headers()["content-disposition"]).toContain("attachment");
  const copy = await shown.body();
  const text = copy.toString("latin1");
  for (const s of ["Ramesh", "Canon", "/Author", "/Creator", "/Title"]) expect(text, s).not.toContain(s);
  const clean = await PDFDocument.load(copy, { updateMetadata: false });
  expect([clean.getAuthor(), clean.getCreator(), clean.getTitle()]).toEqual([undefined, undefined, undefined]);
  expect(clean.getPageCount()).toBe(1);

  const original = await officer.request.post(`/api/media/${id}/original`, { form: { reason: "court evidence copy" } });
  expect(original.status()).toBe(200);
  const bytes = await original.body();
  expect(bytes.equals(pdf)).toBe(true);
  expect(crypto.createHash("sha256").update(bytes).digest("base64")).toBe(announced);
});

test("a media id Graph no longer knows (expired) is shown as failed with the reason", async ({ as, request }) => {
  const mediaId = `expired-${crypto.randomInt(1e9, 9e9)}`;
  const res = await postWhatsApp(
    request,
    whatsappMessage({
      from: phone(),
      message: { type: "audio", audio: { id: mediaId, mime_type: "audio/ogg; codecs=opus", voice: true } },
    }),
  );
  expect(res.status()).toBe(200);
  const admin = await as("admin");
  await expect
    .poll(
      async () => {
        await admin.goto("/admin/webhooks");
        return admin
          .getByTestId("failed-media")
          .getByText(/WhatsApp media id expired or unknown/)
          .count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  const calls = (await (await request.get(`${E2E.fakeUrl}/_calls`)).json()) as { route: string; path: string }[];
  expect(calls.filter((c) => c.path.includes(mediaId)).map((c) => c.route)).toEqual(["meta.media"]);
});

test("Admin → Webhooks is for admins only", async ({ as }) => {
  const officer = await as("officer");
  const res = await officer.goto("/admin/webhooks");
  expect(res?.status()).toBe(404);
  const supervisor = await as("supervisor");
  expect((await supervisor.goto("/admin/webhooks"))?.status()).toBe(404);
});
