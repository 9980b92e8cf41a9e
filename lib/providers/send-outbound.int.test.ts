// outbound.send against a real local fake of WhatsApp Cloud API and Twilio, on a real database:
// the exact API call, the stored provider id, idempotency, the 24-hour window and failures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { startFakeProviders } from "../simulate/fake-providers";

const fake = await startFakeProviders({ metaToken: "test-access-token", twilioSid: "ACtest", twilioToken: "12345" });
process.env.WHATSAPP_API_BASE = `${fake.url}/meta/v23.0`;
process.env.TWILIO_API_BASE = `${fake.url}/twilio`;
process.env.TWILIO_WHATSAPP_FROM = "whatsapp:+14155238886";

const { db, enqueue, drain, registerHandlers } = await import("../testing/job-kit");
const { env } = await import("../env");
const { encrypt, hashProviderId } = await import("../identity/crypto");
const { makeInformant, makeTip } = await import("../testing/factories");
const { sendOutbound } = await import("./send-outbound");
const { inServiceWindow, replyMode } = await import("./window");

const uid = () => crypto.randomBytes(4).toString("hex");
let phoneSeq = 0;

/** A tip whose informant wrote through `provider` `hoursAgo` hours ago, and one QUEUED reply to them. */
async function reply(
  opts: { provider?: "META" | "TWILIO" | "EXOTEL"; address?: string; hoursAgo?: number; body?: string } = {},
) {
  phoneSeq += 1;
  const address = opts.address ?? `phone:9198765${String(40000 + phoneSeq).padStart(5, "0")}`;
  const { cipher, keyId } = encrypt(address);
  const at = new Date(Date.now() - (opts.hoursAgo ?? 1) * 3600_000);
  const informant = await makeInformant({ addressCipher: cipher, keyId, lastInboundAt: at });
  const tip = await makeTip({ informantId: informant.id, receivedAt: at });
  await db.message.updateMany({ where: { tipId: tip.id }, data: { provider: opts.provider ?? "META" } });
  const id = crypto.randomUUID();
  await db.$transaction(async (tx) => {
    await tx.message.create({
      data: {
        id,
        tipId: tip.id,
        informantId: informant.id,
        direction: "OUTBOUND",
        kind: "TEXT",
        body: opts.body ?? `Thank you, ref ${tip.ref}`,
        provider: opts.provider ?? "META",
        providerMessageId: `local:${id}`,
        deliveryStatus: "QUEUED",
      },
    });
    await enqueue(tx, "outbound.send", { messageId: id }, { dedupeKey: `outbound.send:${id}` });
  });
  return { id, address, tip };
}
const message = (id: string) => db.message.findUniqueOrThrow({ where: { id } });
const jobOf = (messageId: string) =>
  db.job.findFirstOrThrow({ where: { kind: "outbound.send", payload: { equals: { messageId } } } });

beforeAll(() => registerHandlers());
beforeEach(() => fake.reset());
afterAll(() => fake.close());

describe("outbound.send", () => {
  it("sends WhatsApp text inside the window: exact Cloud API call, wamid stored, SENT", async () => {
    const r = await reply({ body: "धन्यवाद / Thank you" });
    await drain();
    expect(fake.calls).toHaveLength(1);
    const call = fake.calls[0];
    expect(call).toMatchObject({
      route: "meta.send",
      method: "POST",
      path: "/meta/v23.0/106540352242922/messages",
      headers: { authorization: "Bearer test-access-token", "content-type": "application/json" },
    });
    expect(call.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: r.address.slice(6),
      type: "text",
      text: { preview_url: false, body: "धन्यवाद / Thank you" },
    });
    const wamid = (call.response as { messages: { id: string }[] }).messages[0].id;
    // WhatsApp's id carries the recipient's number: only its keyed hash is kept.
    expect(Buffer.from(wamid.slice(6), "base64").toString("latin1")).toContain(r.address.slice(6));
    expect(await message(r.id)).toMatchObject({
      providerMessageId: hashProviderId(wamid),
      deliveryStatus: "SENT",
      deliveryError: null,
      provider: "META",
    });
    expect((await jobOf(r.id)).state).toBe("DONE");
  });

  it("never sends one message twice", async () => {
    const r = await reply();
    await drain();
    await sendOutbound(r.id);
    await db.$transaction((tx) => enqueue(tx, "outbound.send", { messageId: r.id }));
    await drain();
    expect(fake.calls.filter((c) => c.route === "meta.send")).toHaveLength(1);
  });

  it("addresses a business-scoped user id through `recipient`", async () => {
    const r = await reply({ address: `bsuid:IN.${uid()}${uid()}` });
    await drain();
    expect(fake.calls[0].body).toMatchObject({ recipient: r.address.slice(6), type: "text" });
    expect(fake.calls[0].body).not.toHaveProperty("to");
  });

  it("outside the 24-hour window without a template: FAILED with the reason, nothing sent", async () => {
    const r = await reply({ hoursAgo: 30 });
    await drain();
    expect(fake.calls).toHaveLength(0);
    const m = await message(r.id);
    expect(m.deliveryStatus).toBe("FAILED");
    expect(m.deliveryError).toMatch(/24-hour window/);
    expect(m.providerMessageId).toBe(`local:${r.id}`);
  });

  it("outside the window with an approved template configured: sends the template with the text as its parameter", async () => {
    env().WHATSAPP_REPLY_TEMPLATE = "tip_followup";
    env().WHATSAPP_REPLY_TEMPLATE_LANG = "hi";
    try {
      const r = await reply({ hoursAgo: 30, body: "कृपया और जानकारी दें" });
      await drain();
      expect(fake.calls[0].body).toEqual({
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: r.address.slice(6),
        type: "template",
        template: {
          name: "tip_followup",
          language: { code: "hi" },
          components: [{ type: "body", parameters: [{ type: "text", text: "कृपया और जानकारी दें" }] }],
        },
      });
      expect((await message(r.id)).deliveryStatus).toBe("SENT");
    } finally {
      env().WHATSAPP_REPLY_TEMPLATE = "";
    }
  });

  it("sends through Twilio when the informant wrote through Twilio: form fields, basic auth, SM sid stored", async () => {
    const r = await reply({ provider: "TWILIO", body: "Shukriya, hum dekh rahe hain" });
    await drain();
    const call = fake.calls[0];
    expect(call).toMatchObject({
      route: "twilio.send",
      path: "/twilio/2010-04-01/Accounts/ACtest/Messages.json",
      headers: {
        authorization: "Basic " + Buffer.from("ACtest:12345").toString("base64"),
        "content-type": "application/x-www-form-urlencoded",
      },
    });
    expect(call.body).toEqual({
      To: `whatsapp:+${r.address.slice(6)}`,
      From: "whatsapp:+14155238886",
      Body: "Shukriya, hum dekh rahe hain",
    });
    const sid = (call.response as { sid: string }).sid;
    expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(await message(r.id)).toMatchObject({ providerMessageId: sid, deliveryStatus: "SENT", provider: "TWILIO" });
  });

  it("records a provider's refusal as FAILED without the number it may echo", async () => {
    const r = await reply({ provider: "TWILIO" });
    fake.failNext("twilio.send", 1, 400, {
      code: 21211,
      message: `The 'To' number whatsapp:+${r.address.slice(6)} is not a valid phone number.`,
      status: 400,
    });
    await drain();
    const m = await message(r.id);
    expect(m.deliveryStatus).toBe("FAILED");
    expect(m.deliveryError).toContain("Twilio HTTP 400 code 21211");
    expect(m.deliveryError).not.toContain(r.address.slice(6));
    expect(m.deliveryError).not.toContain(r.address.slice(-10));
    const job = await jobOf(r.id);
    expect(job.state).toBe("FAILED");
    expect(job.lastError).not.toContain(r.address.slice(-10));
  });

  it("keeps a reply QUEUED and retries later when the provider has a 5xx", async () => {
    const r = await reply();
    fake.failNext("meta.send", 1, 503);
    await drain();
    expect(await message(r.id)).toMatchObject({
      deliveryStatus: "QUEUED",
      deliveryError: "WhatsApp HTTP 503 code 1: injected failure",
    });
    const job = await jobOf(r.id);
    expect(job).toMatchObject({ state: "PENDING", attempts: 1 });
    await db.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    await drain();
    expect(await message(r.id)).toMatchObject({ deliveryStatus: "SENT", deliveryError: null });
  });

  it("cannot reply through Exotel (calls only)", async () => {
    const r = await reply({ provider: "EXOTEL" });
    await drain();
    expect(fake.calls).toHaveLength(0);
    expect(await message(r.id)).toMatchObject({
      deliveryStatus: "FAILED",
      deliveryError: "Exotel calls have no messaging channel to reply through",
    });
  });

  it("tells the 24-hour window", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    expect(inServiceWindow(new Date("2026-11-19T12:00:01Z"), now)).toBe(true);
    expect(inServiceWindow(new Date("2026-11-19T12:00:00Z"), now)).toBe(false);
    expect(inServiceWindow(null, now)).toBe(false);
    expect(replyMode(new Date("2026-11-18T00:00:00Z"), now)).toBe("closed");
  });
});
