// Poison input never becomes a 5xx (which a provider would retry for days): every signed delivery
// below gets a 2xx and is stored sanitised, or recorded as FAILED with the reason. Only "could not
// commit now" is a 5xx. Real database, real route handlers.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { ownerRaw } from "../testing/owner-raw";
import { twilioWebhook } from "./webhook-routes";
import { hashAddress, hashProviderId } from "../identity/crypto";
import { envelope, inbound, status, TYPES, wamid } from "./testing/meta-fixtures";
import { twilioSign, twilioWhatsAppParams } from "./testing/form-fixtures";
import { postMeta, postMetaRaw } from "./testing/post-meta";
const twilioWhatsApp = twilioWebhook.whatsapp;

let seq = 0;
const phone = () => `9195${String(process.pid % 1000).padStart(3, "0")}${String(++seq).padStart(5, "0")}`;

const postRaw = postMetaRaw;
const post = postMeta;

async function messagesOf(number: string) {
  const inf = await db.informant.findUnique({
    where: { addressHash: hashAddress({ kind: "phone", value: number }) },
    include: { messages: { where: { direction: "INBOUND" }, orderBy: { sentAt: "asc" } } },
  });
  return inf?.messages ?? [];
}

describe("poison input", () => {
  it("NUL and lone surrogates anywhere: stored with U+FFFD, the repairs counted on the event", async () => {
    const from = phone();
    const id = wamid(from);
    const payload = envelope([
      inbound({ wa_id: from, name: "Nul\u0000 Name" }, [
        {
          ...TYPES.text,
          id,
          text: { body: "sharab\u0000 bhatti \ud800 nadi" },
          extra: { junk: "\u0000\udfff", ["k\u0000"]: 1 },
        },
      ]),
    ]);
    expect((await post(payload)).status).toBe(200);
    const [m] = await messagesOf(from);
    expect(m.body).toBe("sharab\ufffd bhatti \ufffd nadi");
    const ev = await db.webhookEvent.findUniqueOrThrow({
      where: { provider_externalId: { provider: "META", externalId: hashProviderId(id) } },
    });
    expect(ev.repairs).toBeGreaterThanOrEqual(4);
    // A reaction and a status whose ids carry NUL and a lone surrogate are stored too.
    const odd = "wamid.\u0000\ud800x";
    expect(
      (
        await post(
          envelope([inbound({ wa_id: from }, [{ type: "reaction", reaction: { message_id: odd, emoji: "\ud83d" } }])]),
        )
      ).status,
    ).toBe(200);
    expect((await post(envelope([{ statuses: [status(odd, "read\u0000")] }]))).status).toBe(200);
    expect(
      await db.webhookEvent.count({ where: { kind: { startsWith: "status." }, repairs: { gt: 0 } } }),
    ).toBeGreaterThan(0);
  });

  it("an extra field nested thousands of levels deep: 200, stored, the deep part cut", async () => {
    const from = phone();
    const id = wamid(from);
    const message = JSON.stringify({
      from,
      id,
      timestamp: String(Math.floor(Date.now() / 1000)),
      type: "text",
      text: { body: "deep one" },
    });
    const deep = '{"x":'.repeat(5000) + "1" + "}".repeat(5000);
    const body = JSON.stringify(
      envelope([{ contacts: [{ profile: { name: "D" }, wa_id: from }], messages: ["__M__"] }]),
    ).replace('"__M__"', message.slice(0, -1) + `,"nested":${deep}}`);
    expect((await postRaw(body)).status).toBe(200);
    expect((await messagesOf(from)).map((m) => m.body)).toEqual(["deep one"]);
    expect(
      (
        await db.webhookEvent.findUniqueOrThrow({
          where: { provider_externalId: { provider: "META", externalId: hashProviderId(id) } },
        })
      ).repairs,
    ).toBeGreaterThan(0);
  });

  it("a profile name of 25,000 characters, and names that would break a regular expression", async () => {
    for (const name of ["N".repeat(25_000), "((((a", "[", "a\\", "*+?"]) {
      const from = phone();
      expect(
        (
          await post(
            envelope([
              inbound({ wa_id: from, name }, [{ type: "text", text: { body: `my name is ${name.slice(0, 30)} ok` } }]),
            ]),
          )
        ).status,
      ).toBe(200);
      const [m] = await messagesOf(from);
      expect(m).toBeDefined();
      if (name.length < 10 && name.length >= 3) expect(m.body).toBe("my name is [•••] ok");
    }
  });

  it("status ids and status values thousands of characters long", async () => {
    const longId = "wamid." + "A".repeat(6000);
    expect(
      (await post(envelope([{ statuses: [status(longId, "delivered"), status(wamid(), "x".repeat(5000))] }]))).status,
    ).toBe(200);
    expect(await db.webhookEvent.count({ where: { externalId: `status:${hashProviderId(longId)}:delivered` } })).toBe(
      1,
    );
    expect(await db.webhookEvent.count({ where: { kind: "status.unknown" } })).toBeGreaterThan(0);
  });

  it("a message ten thousand emoji long, and a batch of thousands of items, is stored bounded", async () => {
    const from = phone();
    expect(
      (await post(envelope([inbound({ wa_id: from }, [{ type: "text", text: { body: "🔥".repeat(30_000) } }])])))
        .status,
    ).toBe(200);
    const [m] = await messagesOf(from);
    expect(m.body.length).toBeLessThanOrEqual(20_000);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(m.body)).toBe(false);
    const many = envelope([{ statuses: Array.from({ length: 3000 }, () => status("wamid.none", "sent")) }]);
    expect((await post(many)).status).toBe(200);
  });

  it("Twilio: a NUL in the body is stored as U+FFFD", async () => {
    const n = phone();
    const params = twilioWhatsAppParams(`+${n}`, { Body: "nul\u0000here" });
    const base = "https://mukhbir.example.in/api/webhooks/twilio/whatsapp";
    const res = await twilioWhatsApp(
      new Request(base, {
        method: "POST",
        body: new URLSearchParams(params).toString(),
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-twilio-signature": twilioSign("12345", base, params),
        },
      }),
    );
    expect(res.status).toBe(200);
    expect((await messagesOf(n)).map((m) => m.body)).toEqual(["nul\ufffdhere"]);
  });

  it("what the database refuses for its content is recorded as FAILED and acknowledged; a redelivery stays one record", async () => {
    const from = phone();
    const id = wamid(from);
    const payload = envelope([inbound({ wa_id: from }, [{ id, type: "text", text: { body: "refuse-me-please" } }])]);
    // A data exception (SQLSTATE 22023) is what a value the database can never take looks like.
    await ownerRaw().exec(`
      CREATE OR REPLACE FUNCTION refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."body" LIKE '%refuse-me-please%' THEN RAISE EXCEPTION 'refused' USING ERRCODE = '22023'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_marked BEFORE INSERT ON "Message" FOR EACH ROW EXECUTE FUNCTION refuse_marked();`);
    try {
      expect((await post(payload)).status).toBe(200);
      expect((await post(payload)).status).toBe(200);
    } finally {
      await ownerRaw().exec(`DROP TRIGGER refuse_marked ON "Message"; DROP FUNCTION refuse_marked();`);
    }
    expect(await messagesOf(from)).toEqual([]);
    const failed = await db.webhookEvent.findMany({ where: { status: "FAILED", error: { contains: "22023" } } });
    expect(failed).toHaveLength(1);
    expect(failed[0].error).not.toContain("refuse-me-please");
  });
});
