// The tip workspace in Chromium against the real server and the fake provider API: replies leave
// as the provider's exact API call and their ticks follow signed status callbacks; notes are never
// sent; closing needs an outcome; reopen; merge; entity links; voice notes play; photos are shown
// without EXIF while the original keeps the provider's SHA-256.
import crypto from "node:crypto";
import sharp from "sharp";
import type { Locator } from "@playwright/test";
import { test, expect } from "./fixtures";
import { E2E } from "./env";
import { postWhatsApp, whatsappText, postTwilio, twilioCallParams, twilioSid } from "./webhooks";
import { callAction, fakeCalls, newTip, phone, postMedia, token, whatsappStatus } from "./tip-helpers";

test.describe("tip workspace", () => {
  test("the tip page's SLA timer ticks like the queue's: on time, due soon in the last quarter, then late", async ({
    as,
    request,
  }) => {
    const officer = await as("officer");
    const { ref } = await newTip(request, officer, `sla timer ${token()} ghat ke paas`);
    // The browser's clock is faked from before the page loads; the server rendered the real instant.
    await officer.clock.install();
    await officer.goto(`/tips/${ref}`);
    const sla = officer.getByTestId("tip-sla").getByTestId("sla");
    await expect(sla).toHaveAttribute("data-state", "ok");
    await expect(sla).toContainText("first response");
    // A new NORMAL tip has 60 minutes to its first response; the last quarter is "due soon". A key
    // press between the jumps is activity, so the idle guard (30 min) does not sign the officer out.
    for (const jump of ["20:00", "20:00", "06:00"]) {
      await officer.clock.fastForward(jump);
      await officer.keyboard.press("Shift");
    }
    await expect(sla).toHaveAttribute("data-state", "dueSoon");
    await officer.getByTestId("tip-sla").screenshot({ path: "test-results/tip-sla-due-soon.png" });
    await officer.clock.fastForward("15:00");
    await expect(sla).toHaveAttribute("data-state", "breached");
    await expect(sla).toContainText("-");
  });

  test("a reply reaches the provider as the exact API call, its ticks follow the status callbacks, a note is never sent", async ({
    as,
    request,
  }) => {
    const officer = await as("officer");
    const word = token();
    const { from, ref } = await newTip(request, officer, `sharab ki bhatti ${word} nadi kinare`);
    await officer.goto(`/tips/${ref}`);
    await expect(officer.getByTestId("tip-ref")).toHaveText(ref);
    await expect(officer.locator("html[data-tip-live=open]")).toHaveCount(1);
    await expect(officer.getByTestId("message-body").first()).toContainText(word);
    // A new message from the informant appears while the page is open, without a reload.
    const more = `aur ek baat ${token()}`;
    expect((await postWhatsApp(request, whatsappText(from, more))).status()).toBe(200);
    await expect(officer.getByTestId("message").filter({ hasText: more })).toHaveAttribute("data-direction", "INBOUND");

    const note = `note ${token()} beat constable informed`;
    await officer.getByPlaceholder("Only officers see this…").fill(note);
    await officer.getByRole("button", { name: "Add note" }).click();
    await expect(officer.getByTestId("note")).toContainText(note);
    await expect(officer.getByTestId("note")).toContainText("Internal note — not sent");

    const reply = `Kripya sthan batayein ${token()}`;
    await officer.getByPlaceholder("Write to the informant (they never see your name)…").fill(reply);
    await officer.getByRole("button", { name: "Send reply" }).click();
    const bubble = officer.getByTestId("message").filter({ hasText: reply });
    await expect(bubble).toHaveAttribute("data-direction", "OUTBOUND");

    // The worker sends it: exactly one Graph API call, in Meta's documented shape.
    let sends: Awaited<ReturnType<typeof fakeCalls>> = [];
    await expect
      .poll(
        async () =>
          (sends = (await fakeCalls(request)).filter(
            (c) => c.route === "meta.send" && JSON.stringify(c.body).includes(reply),
          )).length,
        { timeout: 15_000 },
      )
      .toBe(1);
    const [call] = sends;
    expect(call.method).toBe("POST");
    expect(call.path).toBe(`/meta/v23.0/${E2E.serverEnv.WHATSAPP_PHONE_NUMBER_IDS}/messages`);
    expect(call.headers.authorization).toBe(`Bearer ${E2E.serverEnv.WHATSAPP_ACCESS_TOKEN}`);
    expect(call.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: from,
      type: "text",
      text: { preview_url: false, body: reply },
    });
    const wamid = (call.response as { messages: { id: string }[] }).messages[0].id;

    // Ticks move live (no reload) as the provider's signed callbacks arrive.
    const ticks = bubble.getByTestId("ticks");
    await expect(ticks).toHaveAttribute("data-status", "SENT");
    for (const [status, shown] of [
      ["delivered", "DELIVERED"],
      ["read", "READ"],
    ] as const) {
      expect((await postWhatsApp(request, whatsappStatus(wamid, status, from))).status()).toBe(200);
      await expect(ticks).toHaveAttribute("data-status", shown);
    }
    // A late, out-of-order "delivered" does not move the ticks back.
    expect((await postWhatsApp(request, whatsappStatus(wamid, "delivered", from))).status()).toBe(200);
    await officer.reload();
    await expect(officer.getByTestId("message").filter({ hasText: reply }).getByTestId("ticks")).toHaveAttribute(
      "data-status",
      "READ",
    );

    // The note never went anywhere.
    expect((await fakeCalls(request)).filter((c) => JSON.stringify(c.body ?? "").includes(note))).toEqual([]);
    // A reply counts as the first response: the status moved to waiting on the informant.
    await expect(officer.getByTestId("tip-status")).toHaveAttribute("data-status", "WAITING_INFORMANT");
    await officer.screenshot({ path: "/tmp/tip-shots/tip-reply.png", fullPage: true });
  });

  test("an admin's bilingual canned reply fills the reply box in the chosen language", async ({ as, request }) => {
    const admin = await as("admin");
    const title = `Jagah ${token()}`;
    await admin.goto("/admin/canned-replies");
    const form = admin.getByTestId("canned-create");
    await form.getByLabel("Title (shown to officers)").fill(title);
    await form.getByLabel("Text in English").fill("Please share the exact location.");
    await form.getByLabel("Text in Hindi").fill("कृपया सही जगह बताइए।");
    await form.getByRole("button", { name: "Add" }).click();
    await expect(
      admin.getByTestId("canned-edit").filter({ has: admin.locator(`input[value="${title}"]`) }),
    ).toHaveCount(1);

    const officer = await as("officer");
    const { ref } = await newTip(request, officer, `canned ${token()} test`);
    await officer.goto(`/tips/${ref}`);
    const chip = officer.getByTestId("canned-replies").locator("span", { hasText: title }).first();
    await chip.getByRole("button", { name: "हि" }).click();
    await expect(officer.getByTestId("reply-box").locator("textarea")).toHaveValue("कृपया सही जगह बताइए।");
    await chip.getByRole("button", { name: "EN" }).click();
    await expect(officer.getByTestId("reply-box").locator("textarea")).toHaveValue("Please share the exact location.");
    // An officer cannot edit canned replies: the page does not exist for them.
    expect((await officer.request.get("/admin/canned-replies")).status()).toBe(404);
  });

  test("a supervisor blocks an abusive informant by alias; their later messages are still kept", async ({
    as,
    request,
  }) => {
    const supervisor = await as("supervisor");
    const { from, ref } = await newTip(request, supervisor, `gaali ${token()} bakwaas`);
    await supervisor.goto(`/tips/${ref}`);
    const alias = (await supervisor.getByTestId("informant-alias").textContent())!;
    const panel = supervisor.getByTestId("block-panel");
    await panel.getByLabel("Reason (abuse, threats, spam…)").fill("abusive language, repeated");
    await panel.getByRole("button", { name: `Block ${alias}` }).click();
    await expect(supervisor.getByTestId("event").filter({ hasText: `blocked informant ${alias}` })).toHaveCount(1);
    await expect(supervisor.getByTestId("reply-disabled")).toHaveText("Replies are off: this informant is blocked.");
    const later = `phir se ${token()}`;
    expect((await postWhatsApp(request, whatsappText(from, later))).status()).toBe(200);
    await expect(supervisor.getByTestId("message").filter({ hasText: later })).toBeVisible();
    // Officers cannot block: the control is not there, and the action refuses at the server.
    const officer = await as("officer");
    await officer.goto(`/tips/${ref}`);
    await expect(officer.getByTestId("block-panel")).toHaveCount(0);
    expect(
      (await callAction(officer.request, ref, "blockInformantAction", [ref, { blocked: false }])).result,
    ).toMatchObject({ ok: false, code: "forbidden" });
  });

  test("the tip page speaks Hindi", async ({ as, request }) => {
    const officer = await as("officer");
    const { ref } = await newTip(request, officer, `hindi ${token()} jaanch`);
    await officer.context().addCookies([{ name: "mukhbir_locale", value: "hi", url: E2E.baseUrl }]);
    await officer.goto(`/tips/${ref}`);
    await expect(officer.getByRole("heading", { name: "मुखबिर को जवाब दें" })).toBeVisible();
    await expect(officer.getByTestId("tip-status")).toHaveText("नई");
    await expect(officer.getByTestId("note-form")).toContainText("मुखबिर को कभी नहीं भेजी जाती।");
    await officer.screenshot({ path: "/tmp/tip-shots/tip-hindi.png", fullPage: true });
  });

  test("closing without an outcome is refused at the server; close with one; reopen", async ({ as, request }) => {
    const officer = await as("officer");
    const { ref } = await newTip(request, officer, `juaa ${token()} har raat`);
    await officer.goto(`/tips/${ref}`);
    const panel = officer.getByTestId("close-panel");
    await panel.getByLabel("Closing summary").fill("Raid conducted, nothing found");
    await panel.getByRole("button", { name: "Close tip" }).click();
    await expect(officer.getByTestId("close-error")).toHaveText("Choose an outcome to close the tip.");
    await expect(officer.getByTestId("tip-status")).toHaveAttribute("data-status", "NEW");
    // The same refusal when the action is called directly, without the form.
    expect(
      (await callAction(officer.request, ref, "closeAction", [ref, { summary: "no outcome here" }])).result,
    ).toEqual({ ok: false, code: "invalid", detail: { field: "outcome" } });

    await panel.getByLabel("Outcome").selectOption("RECOVERY_SEIZURE");
    await panel.getByRole("button", { name: "Close tip" }).click();
    await expect(officer.getByTestId("tip-status")).toHaveAttribute("data-status", "CLOSED");
    await expect(officer.getByTestId("tip-outcome")).toHaveText("Recovery or seizure");
    await expect(
      officer.getByTestId("event").filter({ hasText: "closed the tip with outcome Recovery or seizure" }),
    ).toHaveCount(1);

    await officer.getByRole("button", { name: "Reopen" }).click();
    await expect(officer.getByTestId("tip-status")).toHaveAttribute("data-status", "NEW");
    await expect(
      officer.getByTestId("event").filter({ hasText: "reopened the tip (was Recovery or seizure)" }),
    ).toHaveCount(1);
  });

  test("merging a duplicate moves its messages and sends its ref to the survivor", async ({ as, request }) => {
    const officer = await as("officer");
    const a = await newTip(request, officer, `hathiyar ${token()} godown mein`);
    const dupWord = token();
    const b = await newTip(request, officer, `wahi godown ${dupWord} phir se`);
    await officer.goto(`/tips/${b.ref}`);
    officer.once("dialog", (d) => d.accept());
    await officer.getByLabel("Merge this duplicate into").fill(a.ref);
    await officer.getByRole("button", { name: "Merge" }).click();
    await expect(officer).toHaveURL(new RegExp(`/tips/${a.ref}\\?merged=${b.ref}$`));
    await expect(officer.getByTestId("merged-notice")).toContainText(b.ref);
    await expect(officer.getByTestId("timeline")).toContainText(dupWord);
    await expect(officer.getByTestId("merged-from")).toContainText(b.ref);
    // The merged ref now leads to the survivor.
    await officer.goto(`/tips/${b.ref}`);
    await expect(officer).toHaveURL(new RegExp(`/tips/${a.ref}`));
    await officer.goto(`/tips/${b.ref}?stay=1`);
    await expect(officer.getByTestId("tip-status")).toHaveAttribute("data-status", "MERGED");
    await expect(officer.getByTestId("reply-disabled")).toBeVisible();
  });

  test("a vehicle mentioned in two tips links one to the other and to the filtered queue", async ({ as, request }) => {
    const officer = await as("officer");
    const digits = String(crypto.randomInt(1000, 9999));
    const first = await newTip(request, officer, `safed bolero UP 70 AB ${digits} ${token()} raat ko`);
    const second = await newTip(
      request,
      officer,
      `gaadi UP70AB${digits} phir aayi ${token()}, driver ka number 98390-12345`,
    );
    await officer.goto(`/tips/${second.ref}`);
    const vehicle = officer.locator(`[data-testid=entity][data-value=UP70AB${digits}]`);
    await expect(vehicle).toContainText("1 other tip mentions this");
    await expect(vehicle.getByTestId("entity-queue-link")).toHaveAttribute(
      "href",
      `/queue?entity=${encodeURIComponent(`vehicle:UP70AB${digits}`)}`,
    );
    await expect(officer.locator("[data-testid=entity][data-kind=mobile][data-value='9839012345']")).toBeVisible();
    await vehicle.getByTestId("entity-other-tip").click();
    await expect(officer).toHaveURL(new RegExp(`/tips/${first.ref}$`));
    await expect(officer.getByTestId("tip-ref")).toHaveText(first.ref);
  });

  test("a voice note plays in the page", async ({ as, request }) => {
    const officer = await as("officer");
    const from = phone();
    const word = token();
    const { ref } = await newTip(request, officer, `awaaz bhej raha hoon ${word}`, from);
    await postMedia(request, from, {
      type: "audio",
      audio: { id: `voice-${crypto.randomInt(1e9, 9e9)}`, mime_type: "audio/ogg; codecs=opus", voice: true },
    });
    await officer.goto(`/tips/${ref}`);
    const audio = officer.getByTestId("media-audio");
    await expect(audio).toBeVisible({ timeout: 20_000 });
    expect(await audioDuration(audio)).toBeGreaterThan(0);
    // And the player starts (headless Chromium has no audio device, so time may not advance).
    await officer.getByTestId("tip-ref").click();
    const playing = await audio.evaluate(async (el: HTMLAudioElement) => {
      el.muted = true;
      await el.play();
      return !el.paused && !el.error;
    });
    expect(playing).toBe(true);
  });

  test("a call shows its status and duration, and its recording plays", async ({ as, request }) => {
    const officer = await as("officer");
    const call = twilioCallParams(`+${phone()}`);
    expect((await postTwilio(request, "/api/webhooks/twilio/voice", call)).status()).toBe(200);
    const rec = {
      AccountSid: call.AccountSid,
      CallSid: call.CallSid,
      RecordingSid: twilioSid("RE"),
      RecordingUrl: `${E2E.fakeUrl}/twilio/2010-04-01/Accounts/${call.AccountSid}/Recordings/${twilioSid("RE")}`,
      RecordingStatus: "completed",
      RecordingDuration: "4",
    };
    expect((await postTwilio(request, "/api/webhooks/twilio/voice/recording", rec)).status()).toBe(200);
    expect(
      (
        await postTwilio(request, "/api/webhooks/twilio/voice/status", {
          ...call,
          CallStatus: "completed",
          CallDuration: "17",
        })
      ).status(),
    ).toBe(200);
    // Tests run one at a time: the newest phone tip is this call's.
    const rows = (await (
      await officer.request.get("/api/queue/rows?view=all&channel=VOICE&sort=received&dir=desc")
    ).json()) as { rows: { ref: string }[] };
    await officer.goto(`/tips/${rows.rows[0].ref}`);
    const item = officer.getByTestId("message").filter({ has: officer.getByTestId("call") });
    await expect(item.getByTestId("call")).toContainText("Voicemail");
    await expect(item.getByTestId("call")).toContainText("17 s");
    const audio = item.getByTestId("media-audio");
    await expect(audio).toBeVisible({ timeout: 20_000 });
    expect(await audioDuration(audio)).toBeGreaterThan(0);
    await expect(officer.getByTestId("reply-disabled")).toContainText("only called");
  });

  test("a JPEG with GPS EXIF is shown without GPS or device tags; the original keeps the provider's SHA-256", async ({
    as,
    request,
  }) => {
    const officer = await as("officer");
    const jpeg = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#7a5c3c" } })
      .withExif({
        IFD0: { Make: "samsung", Model: "SM-A155F", Software: "A155FXXU1AXB1" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "25/1 27/1 1234/100",
          GPSLongitudeRef: "E",
          GPSLongitude: "81/1 51/1 2345/100",
        },
      })
      .jpeg()
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const sha256 = crypto.createHash("sha256").update(jpeg).digest("hex");
    const mediaId = `gps-${crypto.randomInt(1e9, 9e9)}`;
    expect(
      (
        await request.post(`${E2E.fakeUrl}/_media`, {
          data: { id: mediaId, mime: "image/jpeg", base64: jpeg.toString("base64") },
        })
      ).status(),
    ).toBe(200);
    const from = phone();
    const word = token();
    const { ref } = await newTip(request, officer, `photo dekhiye ${word}`, from);
    await postMedia(request, from, {
      type: "image",
      image: {
        id: mediaId,
        mime_type: "image/jpeg",
        sha256: Buffer.from(sha256, "hex").toString("base64"),
        caption: "yahi jagah",
      },
    });

    await officer.goto(`/tips/${ref}`);
    const img = officer.getByTestId("media-image");
    await expect(img).toBeVisible({ timeout: 20_000 });
    await expect(img).toHaveJSProperty("complete", true);
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(320);
    const figure = officer.getByTestId("attachment").filter({ has: img });
    await expect(figure.getByTestId("sha256")).toContainText(sha256);

    const shown = await officer.request.get((await img.getAttribute("src"))!);
    expect(shown.status()).toBe(200);
    expect(shown.headers()["x-content-type-options"]).toBe("nosniff");
    const copy = await shown.body();
    const meta = await sharp(copy).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    for (const tag of ["samsung", "SM-A155F", "GPS"]) expect(copy.includes(Buffer.from(tag))).toBe(false);
    expect(crypto.createHash("sha256").update(copy).digest("hex")).not.toBe(sha256);

    // The original needs a reason; with one, it is byte for byte what the provider sent.
    const attachmentId = (await figure.getAttribute("data-id"))!;
    expect((await officer.request.post(`/api/media/${attachmentId}/original`, { form: { reason: "" } })).status()).toBe(
      400,
    );
    const original = await officer.request.post(`/api/media/${attachmentId}/original`, {
      form: { reason: "copy for court" },
    });
    expect(original.status()).toBe(200);
    expect(original.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(
      crypto
        .createHash("sha256")
        .update(await original.body())
        .digest("hex"),
    ).toBe(sha256);

    // Both views are in the tip's history.
    await officer.reload();
    await officer.getByTestId("history-panel").locator("summary").click();
    await expect(officer.locator("[data-testid=audit-row][data-action='media.original']")).toHaveCount(1);
    await expect(officer.locator("[data-testid=audit-row][data-action='media.view']").first()).toBeVisible();
    await officer.screenshot({ path: "/tmp/tip-shots/tip-photo.png", fullPage: true });
  });
});

/** The player's duration once its metadata loaded (a real decode of the served file), or an error. */
function audioDuration(audio: Locator) {
  return audio.evaluate(
    (el: HTMLAudioElement) =>
      new Promise<number>((resolve, reject) => {
        const done = () => (Number.isFinite(el.duration) && el.duration > 0 ? resolve(el.duration) : undefined);
        el.addEventListener("durationchange", done);
        el.addEventListener("loadedmetadata", done);
        el.addEventListener("error", () => reject(new Error(`media error ${el.error?.code}`)));
        el.load();
        setTimeout(() => reject(new Error(`no duration (${el.duration})`)), 15_000);
      }),
  );
}
