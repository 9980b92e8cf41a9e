// The loop from the desk to a police station and back (issue 15, ADR 0600), in Chromium against a
// real server and the fake WhatsApp API: a desk officer drafts a cleaned brief from a tip that says
// "from my house opposite the temple" (the warning shows), a supervisor approves it, the station's
// duty contact is notified by the exact API call (no alias, no words of the informant), a station
// officer on a 390×844 phone sees the brief and its cleaned photo but never the informant's text,
// voice note or alias (checked in every response of the station's pages), acknowledges, and reports
// an FIR with a field photo; the desk's open tip page follows each step live, and the tip's history
// lists them all.
import crypto from "node:crypto";
import { test, expect } from "./fixtures";
import { adminCreates } from "./users";
import { fakeCalls, newTip, postMedia, token } from "./tip-helpers";
import { samplePhoto } from "./request-helpers";
import { E2E } from "./env";

const STATION = "Kareli";

test("a tip goes to the station as a cleaned brief and comes back with an FIR, live on the desk", async ({
  as,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  // The admin: a station-bound officer at Kareli and a duty contact (a landline is refused first).
  const password = `station-${crypto.randomBytes(6).toString("hex")}`;
  const { admin, username } = await adminCreates(as, "thana", password, { station: STATION });
  await admin.goto("/admin/contacts");
  const form = admin.getByTestId("contact-form");
  const mobile = `9${String(crypto.randomInt(0, 1e9)).padStart(9, "0")}`;
  await form.getByLabel("Police station").selectOption({ label: STATION });
  await form.getByLabel("Name").fill("SHO Kareli (duty)");
  await form.getByLabel("Mobile number").fill("0532 2440111");
  await form.getByRole("button", { name: "Add contact" }).click();
  await expect(form.getByText("Enter a 10-digit Indian mobile number")).toBeVisible();
  await form.locator('input[name="phone"]').fill(`+91 ${mobile.slice(0, 5)} ${mobile.slice(5)}`);
  await form.getByRole("button", { name: "Add contact" }).click();
  await expect(form.getByText("Contact added.")).toBeVisible();
  await expect(admin.getByTestId(`contact-91${mobile}`)).toBeVisible();

  // The tip: text that points at the informant, a photo with GPS in its EXIF, and a voice note.
  const desk = await as("officer");
  const word = token();
  const tipText = `${word} sharab ki bhatti chalti hai, from my house opposite the temple you can see it`;
  const { ref, from } = await newTip(request, desk, tipText);
  await postMedia(request, from, {
    type: "image",
    image: { id: `photo-${crypto.randomInt(1e9, 9e9)}`, mime_type: "image/jpeg", caption: "Yahi hai" },
  });
  await postMedia(request, from, {
    type: "audio",
    audio: { id: `voice-${crypto.randomInt(1e9, 9e9)}`, mime_type: "audio/ogg; codecs=opus", voice: true },
  });
  await desk.goto(`/tips/${ref}`);
  await desk.getByTestId("station-select").selectOption({ label: STATION });
  await expect(desk.getByTestId("tip-station")).toHaveText(STATION);
  await expect(desk.getByTestId("media-image")).toBeVisible({ timeout: 20_000 });
  await expect(desk.getByTestId("media-audio")).toBeVisible({ timeout: 20_000 });
  const alias = (await desk.getByTestId("informant-alias").textContent())!.trim();

  // The editor: the tip's text beside the brief; the informant-pointing phrase is flagged as it is typed.
  await desk.getByTestId("draft-request").click();
  await expect(desk.getByTestId("brief-page")).toBeVisible();
  await expect(desk.getByTestId("tip-texts")).toContainText("from my house opposite the temple");
  const brief = desk.getByTestId("brief-form");
  await expect(brief.getByLabel("Police station or unit")).toHaveValue(
    (await brief.getByLabel("Police station or unit").locator("option", { hasText: STATION }).getAttribute("value")) ??
      "",
  );
  await brief.getByLabel("What", { exact: true }).fill("Illicit liquor distilled and sold every evening");
  await brief.getByLabel("Where", { exact: true }).fill("from my house opposite the temple");
  await expect(brief.getByTestId("brief-warning")).toHaveCount(1);
  await expect(brief.getByTestId("brief-warning")).toContainText("my house");
  await expect(brief.getByTestId("brief-warning")).toHaveAttribute("data-kind", "place");
  // (By name: a filled textarea's value becomes part of its label's accessible name.)
  await brief.locator('textarea[name="where"]').fill("House opposite the Hanuman temple, Mohalla Kareli");
  await expect(brief.getByTestId("brief-warning")).toHaveCount(0);
  // Without instructions: a clear message, nothing saved.
  await brief.getByRole("button", { name: "Save the brief" }).click();
  await expect(brief.getByText("The brief needs instructions for the station.")).toBeVisible();
  await brief.getByLabel("Instructions").fill("Verify discreetly; raid with a lady constable present");
  await expect(desk.getByText(/1 voice note is never sent/)).toBeVisible();
  await brief.getByTestId("brief-image").check();
  await brief.getByRole("button", { name: "Save the brief" }).click();
  await expect(desk).toHaveURL(new RegExp(`/tips/${ref}$`));
  const state = desk.getByTestId("request").getByTestId("request-state");
  await expect(state).toHaveAttribute("data-state", "DRAFTED");
  await expect(desk.getByTestId("request")).toHaveCount(1);
  const requestId = (await desk.getByTestId("request").getAttribute("data-id"))!;
  await expect(desk.locator("html")).toHaveAttribute("data-tip-live", "open");

  // The supervisor approves; the desk's open page follows without a reload.
  const supervisor = await as("supervisor");
  await supervisor.goto(`/tips/${ref}`);
  await supervisor.getByTestId("request").getByRole("button", { name: "Approve and send" }).click();
  await expect(state).toHaveAttribute("data-state", "SENT", { timeout: 20_000 });
  await expect(desk.getByTestId("notification")).toHaveAttribute("data-state", "SENT");

  // The notification as the fake WhatsApp API received it: the template with ref, priority, station and link.
  const sends = (await fakeCalls(request)).filter(
    (c) => c.route === "meta.send" && (c.body as { to?: string })?.to === `91${mobile}`,
  );
  expect(sends).toHaveLength(1);
  expect(sends[0].path).toBe("/meta/v23.0/106540352242922/messages");
  expect(sends[0].body).toEqual({
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to: `91${mobile}`,
    type: "template",
    template: {
      name: "station_action_request",
      language: { code: "en" },
      components: [
        {
          type: "body",
          parameters: [ref, "NORMAL", STATION, `${E2E.baseUrl}/station/requests/${requestId}`].map((text) => ({
            type: "text",
            text,
          })),
        },
      ],
    },
  });
  for (const secret of [alias, word, "my house", "bhatti", "temple", "liquor"])
    expect(JSON.stringify(sends[0].body)).not.toContain(secret);

  // The station officer, on a phone. Every response of the station's pages is kept and searched.
  const context = await browser.newContext({
    baseURL: E2E.baseUrl,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await context.newPage();
  const bodies: { url: string; body: string }[] = [];
  const pending: Promise<void>[] = [];
  phone.on("response", (res) => {
    if (!res.url().startsWith(E2E.baseUrl) || res.url().includes("/_next/static/")) return;
    pending.push(
      res.body().then(
        (b) => void bodies.push({ url: res.url(), body: b.toString("latin1") + "\n" + b.toString("utf8") }),
        () => undefined,
      ),
    );
  });
  const { signInRequest } = await import("./fixtures");
  expect((await signInRequest(context.request, username, password)).status()).toBeLessThan(400);
  await phone.goto("/station");
  const card = phone.getByTestId("station-card").filter({ hasText: ref });
  await expect(card).toBeVisible();
  await expect(card).toContainText("Illicit liquor distilled");
  await expect(card).toContainText("1 image");
  await card.click();
  await expect(phone.getByTestId("station-request")).toHaveAttribute("data-state", "SENT");
  await expect(phone.getByTestId("station-brief")).toContainText("House opposite the Hanuman temple, Mohalla Kareli");
  await expect(phone.getByTestId("station-brief")).toContainText("Verify discreetly");
  const img = phone.getByTestId("brief-photo");
  await expect(img).toHaveCount(1);
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  // The page fits the phone: nothing wider than the screen.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: "test-results/station-phone-390.png", fullPage: true });
  // The photo is the cleaned copy: no EXIF block (the original had GPS and the camera's make).
  const photo = await context.request.get((await img.getAttribute("src"))!);
  expect(photo.status()).toBe(200);
  const bytes = await photo.body();
  expect(bytes.includes(Buffer.from("Exif"))).toBe(false);
  expect((await samplePhoto(request)).includes(Buffer.from("Exif"))).toBe(true);

  await phone.getByRole("button", { name: "Acknowledge" }).click();
  await expect(phone.getByTestId("station-request")).toHaveAttribute("data-state", "ACKNOWLEDGED");
  await expect(state).toHaveAttribute("data-state", "ACKNOWLEDGED", { timeout: 20_000 });

  const report = phone.getByTestId("report-form");
  await report.getByLabel("What happened").selectOption("FIR_REGISTERED");
  await report.getByLabel("FIR number").fill("FIR twelve");
  await report.getByRole("button", { name: "Send report" }).click();
  await expect(report.getByText("Enter the FIR number as number/year")).toBeVisible();
  await report.locator('input[name="firNumber"]').fill("0457/2026");
  await report.getByLabel("Arrests (number)").fill("2");
  await report.getByLabel("Details").fill("Bhatti destroyed, 40 litres seized");
  await report
    .getByLabel(/Field photos/)
    .setInputFiles({ name: "field.jpg", mimeType: "image/jpeg", buffer: await samplePhoto(request) });
  await report.getByRole("button", { name: "Send report" }).click();
  await expect(phone.getByTestId("station-request")).toHaveAttribute("data-state", "REPORTED");
  await expect(phone.getByTestId("fir-number")).toHaveText("0457/2026");
  await expect(phone.getByTestId("field-photo")).toHaveCount(1);
  await phone.goto("/station");
  await expect(phone.getByTestId("station-card").filter({ hasText: ref })).toContainText("Action reported");

  // Nothing of the informant reached the phone, in any response: no text, no alias, no voice note.
  await Promise.all(pending);
  expect(bodies.length).toBeGreaterThan(5);
  for (const { url, body } of bodies) {
    for (const secret of [alias, word, "bhatti chalti", "from my house"])
      expect(body.includes(secret), `${secret} in ${url}`).toBe(false);
    expect(url).not.toMatch(/\/api\/tips\//);
    expect(body, url).not.toMatch(/<audio|voice-\d/);
  }
  await context.close();

  // The desk saw it live, and the tip's history lists every step.
  await expect(state).toHaveAttribute("data-state", "REPORTED", { timeout: 20_000 });
  await expect(desk.getByTestId("request").getByTestId("fir-number")).toHaveText("0457/2026");
  await expect(desk.getByTestId("request").getByTestId("field-photo")).toHaveCount(1);
  await desk.reload();
  const actions = await desk
    .getByTestId("history-panel")
    .getByTestId("audit-row")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
  for (const step of [
    "request.drafted",
    "request.approved",
    "request.sent",
    "request.acknowledged",
    "request.reported",
  ])
    expect(actions).toContain(step);
  await expect(desk.getByTestId("timeline")).toContainText("reported action from the station");
});
