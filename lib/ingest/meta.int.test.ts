// The WhatsApp webhook against a real database (PGlite or PostgreSQL), through the route handler.
import { describe, expect, it } from "vitest";
import { ownerRaw } from "../testing/owner-raw";
import { db } from "../db";
import { metaWebhook } from "./webhook-routes";
import { hashAddress, hashProviderId } from "../identity/crypto";
import { decrypt } from "../identity/crypto";
import { envelope, inbound, sign, status, TYPES, wamid } from "./testing/meta-fixtures";
import { ingestEvent } from "./ingest-event";
const POST = metaWebhook.POST;
const GET = metaWebhook.GET;

let seq = 0;
/** A fresh Indian mobile number per test, so tests never share an informant. */
function phone() {
  seq += 1;
  return `9198${String(process.pid % 1000).padStart(3, "0")}${String(seq).padStart(5, "0")}`;
}

function post(payload: unknown, opts: { signature?: string | null; body?: string } = {}) {
  const body = opts.body ?? JSON.stringify(payload);
  const headers: Record<string, string> = { "content-type": "application/json" };
  const sig = opts.signature === undefined ? sign(body) : opts.signature;
  if (sig) headers["x-hub-signature-256"] = sig;
  return POST(new Request("https://mukhbir.example.in/api/webhooks/whatsapp", { method: "POST", body, headers }));
}

/** The message ids of a delivery as stored: keyed hashes (a raw wamid holds the sender's number). */
function messageIds(payload: ReturnType<typeof envelope>) {
  return rawMessageIds(payload).map(hashProviderId);
}

function rawMessageIds(payload: ReturnType<typeof envelope>) {
  return payload.entry.flatMap((e) =>
    e.changes.flatMap((c) => ((c.value as { messages?: { id: string }[] }).messages ?? []).map((m) => m.id)),
  );
}

async function informantOf(waId: string) {
  return db.informant.findUnique({
    where: { addressHash: hashAddress({ kind: "phone", value: waId }) },
    include: { tips: { include: { messages: { include: { attachments: true }, orderBy: { sentAt: "asc" } } } } },
  });
}

describe("WhatsApp webhook → tip", () => {
  it("stores a text as a new tip with an alias, encrypted identity and a queued bilingual acknowledgement", async () => {
    const from = phone();
    const payload = envelope([inbound({ wa_id: from, name: "Ramesh Canary" }, [TYPES.text])]);
    const res = await post(payload);
    expect(res.status).toBe(200);
    const inf = await db.informant.findUniqueOrThrow({
      where: { addressHash: hashAddress({ kind: "phone", value: from }) },
      omit: { addressCipher: false, nameCipher: false },
      include: { tips: { include: { messages: { orderBy: { createdAt: "asc" } } } } },
    });
    expect(inf.alias).toMatch(/^M-[2-9A-HJKMNP-Z]{4}$/);
    expect(decrypt(inf.addressCipher!, inf.keyId)).toBe(`phone:${from}`);
    expect(decrypt(inf.nameCipher!, inf.keyId)).toBe("Ramesh Canary");
    expect(inf.tips).toHaveLength(1);
    const tip = inf.tips[0];
    expect(tip.ref).toMatch(/^EM-\d{4}-\d{6}$/);
    expect(tip.preview).toBe("Does it come in another color?");
    expect(tip.searchText).toBe("does it come in another color?");
    expect(tip.messageCount).toBe(2);
    const [msg, ack] = tip.messages;
    expect(msg).toMatchObject({
      direction: "INBOUND",
      kind: "TEXT",
      body: "Does it come in another color?",
      provider: "META",
    });
    expect(ack).toMatchObject({ direction: "OUTBOUND", kind: "TEXT", deliveryStatus: "QUEUED" });
    expect(ack.providerMessageId).toMatch(/^local:/);
    expect(ack.body).toContain(tip.ref);
    expect(ack.body).toMatch(/गोपनीय/);
    expect(ack.body).toMatch(/secret/);
    const jobs = await db.job.findMany({ where: { kind: "outbound.send" } });
    expect(jobs.some((j) => (j.payload as { messageId: string }).messageId === ack.id)).toBe(true);
    const ev = await db.webhookEvent.findUniqueOrThrow({
      where: { provider_externalId: { provider: "META", externalId: msg.providerMessageId } },
    });
    expect(JSON.stringify(ev.payload)).not.toContain(from);
    expect(JSON.stringify(ev.payload)).not.toContain("Ramesh");
  });

  it("answers 401 and stores nothing for a missing or forged signature, 400 for malformed JSON or shape, 413 above 1 MiB", async () => {
    const before = await db.webhookEvent.count();
    const payload = envelope([inbound({ wa_id: phone() }, [TYPES.text])]);
    expect((await post(payload, { signature: null })).status).toBe(401);
    expect((await post(payload, { signature: sign(JSON.stringify(payload), "wrong-secret") })).status).toBe(401);
    expect((await post(null, { body: "{not json" })).status).toBe(400);
    expect((await post({ object: "page", entry: [] })).status).toBe(400);
    expect((await post({ object: "whatsapp_business_account", entry: "x" })).status).toBe(400);
    expect((await post(null, { body: JSON.stringify({ pad: "x".repeat(1024 * 1024) }) })).status).toBe(413);
    expect(await db.webhookEvent.count()).toBe(before);
  });

  it("keeps one message when ten copies of a delivery arrive at once, and on later redelivery", async () => {
    const from = phone();
    const payload = envelope([inbound({ wa_id: from }, [TYPES.text])]);
    const results = await Promise.all(Array.from({ length: 10 }, () => post(payload)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect((await post(payload)).status).toBe(200);
    const inf = await informantOf(from);
    expect(inf!.tips).toHaveLength(1);
    expect(inf!.tips[0].messages.filter((m) => m.direction === "INBOUND")).toHaveLength(1);
    expect(inf!.tips[0].messages.filter((m) => m.direction === "OUTBOUND")).toHaveLength(1);
    expect(inf!.tips[0].messageCount).toBe(2);
  });

  it("matches one informant across concurrent first messages and threads them into one tip", async () => {
    const from = phone();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        post(envelope([inbound({ wa_id: from }, [{ type: "text", text: { body: `part ${i}` } }])])),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const inf = await informantOf(from);
    expect(inf!.tips).toHaveLength(1);
    expect(inf!.tips[0].messages.filter((m) => m.direction === "INBOUND")).toHaveLength(5);
    expect(await db.tipCounter.count()).toBeGreaterThan(0);
  });

  it("opens a new tip when the last activity is older than the threading window", async () => {
    const from = phone();
    const old = String(Math.floor(Date.now() / 1000) - 30 * 3600);
    await post(envelope([inbound({ wa_id: from }, [{ ...TYPES.text, timestamp: old }])]));
    await post(envelope([inbound({ wa_id: from }, [{ type: "text", text: { body: "two hours later" } }])]));
    const recent = String(Math.floor(Date.now() / 1000) - 3600);
    await post(
      envelope([inbound({ wa_id: from }, [{ type: "text", text: { body: "within the window" }, timestamp: recent }])]),
    );
    const inf = await informantOf(from);
    const tips = inf!.tips.sort((a, b) => a.seq - b.seq);
    expect(tips).toHaveLength(2);
    expect(
      tips[1].messages
        .filter((m) => m.direction === "INBOUND")
        .map((m) => m.body)
        .sort(),
    ).toEqual(["two hours later", "within the window"]);
  });

  it("stores a blocked informant's messages on a flagged tip with no acknowledgement", async () => {
    const from = phone();
    await post(envelope([inbound({ wa_id: from }, [TYPES.text])]));
    const inf = await informantOf(from);
    await db.informant.update({ where: { id: inf!.id }, data: { blocked: true } });
    await db.tip.updateMany({ where: { informantId: inf!.id }, data: { status: "CLOSED" } });
    await post(envelope([inbound({ wa_id: from }, [{ type: "text", text: { body: "abuse" } }])]));
    const after = await informantOf(from);
    const tip = after!.tips.find((t) => t.status !== "CLOSED")!;
    expect(tip.flagged).toBe(true);
    expect(tip.messages.map((m) => [m.direction, m.body])).toEqual([["INBOUND", "abuse"]]);
  });

  it("stores every documented message type, with media as pending attachments and fetch jobs", async () => {
    const from = phone();
    const kinds = [
      "text",
      "image",
      "audio",
      "video",
      "document",
      "sticker",
      "location",
      "contacts",
      "button_reply",
      "list_reply",
      "button",
      "unsupported",
    ];
    const res = await post(
      envelope([
        inbound(
          { wa_id: from },
          kinds.map((k) => TYPES[k]),
        ),
      ]),
    );
    expect(res.status).toBe(200);
    const msgs = (await informantOf(from))!.tips[0].messages.filter((m) => m.direction === "INBOUND");
    const byKind = Object.fromEntries(msgs.map((m) => [m.kind + (m.kind === "INTERACTIVE" ? ":" + m.body : ""), m]));
    expect(Object.keys(byKind).sort()).toEqual(
      [
        "AUDIO",
        "CONTACTS",
        "DOCUMENT",
        "IMAGE",
        "INTERACTIVE:Cancel",
        "INTERACTIVE:Express Shipping",
        "INTERACTIVE:Unsubscribe",
        "LOCATION",
        "STICKER",
        "TEXT",
        "UNSUPPORTED",
        "VIDEO",
      ].sort(),
    );
    expect(byKind.IMAGE.body).toBe("Black Nike sneakers");
    expect(byKind.IMAGE.attachments[0]).toMatchObject({
      providerRef: "1003383421387256",
      mime: "image/jpeg",
      expectedSha256: "Ubiq4zCrOFJOaGT7bwtlSo4pqF2bDgKbsP4fgyUWeO8=",
      fetchState: "PENDING",
    });
    expect(byKind.AUDIO.meta).toMatchObject({ voice: true });
    expect(byKind.DOCUMENT.attachments[0].filename).toBe("receipt.pdf");
    expect(byKind.LOCATION.meta).toMatchObject({
      latitude: 37.483307,
      longitude: -122.148981,
      name: "Main Street Beach",
    });
    expect(byKind.CONTACTS.body).toBe("Barbara J. Johnson");
    expect(byKind.UNSUPPORTED.meta).toMatchObject({ reason: expect.stringContaining("131051") });
    const tip = (await informantOf(from))!.tips[0];
    expect(tip.mediaCount).toBe(5);
    const attachmentIds = msgs.flatMap((m) => m.attachments.map((a) => a.id));
    const jobs = await db.job.findMany({ where: { kind: "media.fetch" } });
    for (const id of attachmentIds)
      expect(jobs.some((j) => (j.payload as { attachmentId: string }).attachmentId === id)).toBe(true);
    const unsupported = await db.webhookEvent.findUniqueOrThrow({
      where: { provider_externalId: { provider: "META", externalId: byKind.UNSUPPORTED.providerMessageId } },
    });
    expect(unsupported.error).toMatch(/131051 Message type unknown/);
    // An unknown future type is recorded with its reason, never dropped.
    const odd = envelope([inbound({ wa_id: from }, [{ type: "poll_creation", poll_creation: { name: "?" } }])]);
    expect((await post(odd)).status).toBe(200);
    const ev = await db.webhookEvent.findFirstOrThrow({ where: { kind: "message.poll_creation" } });
    expect(ev.error).toBe('message type "poll_creation" not supported');
  });

  it("attaches a reaction to the tip of the message it reacts to", async () => {
    const from = phone();
    const first = envelope([inbound({ wa_id: from }, [TYPES.text])]);
    await post(first);
    const target = rawMessageIds(first)[0];
    await post(
      envelope([inbound({ wa_id: from }, [{ type: "reaction", reaction: { message_id: target, emoji: "👍" } }])]),
    );
    const msgs = (await informantOf(from))!.tips[0].messages;
    const reaction = msgs.find((m) => m.kind === "REACTION")!;
    expect(reaction).toMatchObject({ body: "👍", replyToProviderId: hashProviderId(target) });
    expect((await informantOf(from))!.tips[0].preview).toBe("Does it come in another color?");
  });

  it("handles several entries, changes and messages in one delivery, skipping numbers that are not ours", async () => {
    const a = phone();
    const b = phone();
    const stranger = phone();
    const payload = envelope([
      inbound({ wa_id: a }, [TYPES.text, TYPES.image]),
      inbound({ wa_id: b }, [TYPES.location]),
    ]);
    payload.entry.push(envelope([inbound({ wa_id: stranger }, [TYPES.text])], "999999999").entry[0]);
    expect((await post(payload)).status).toBe(200);
    expect((await informantOf(a))!.tips[0].messages.filter((m) => m.direction === "INBOUND")).toHaveLength(2);
    expect((await informantOf(b))!.tips[0].messages.filter((m) => m.direction === "INBOUND")).toHaveLength(1);
    expect(await informantOf(stranger)).toBeNull();
  });

  it("keys a sender by their business-scoped user id when present, with or without the number", async () => {
    const bsuid = `IN.${Date.now()}${seq++}`;
    await post(envelope([inbound({ wa_id: phone(), user_id: bsuid }, [TYPES.text])]));
    await post(envelope([inbound({ user_id: bsuid }, [{ type: "text", text: { body: "number hidden now" } }])]));
    const inf = await db.informant.findUniqueOrThrow({
      where: { addressHash: hashAddress({ kind: "bsuid", value: bsuid }) },
      include: { tips: { include: { messages: true } } },
    });
    expect(inf.tips).toHaveLength(1);
    expect(inf.tips[0].messages.filter((m) => m.direction === "INBOUND")).toHaveLength(2);
  });

  it("moves our outbound messages forward through sent, delivered, read; records failures; ignores strangers' ids", async () => {
    const from = phone();
    await post(envelope([inbound({ wa_id: from }, [TYPES.text])]));
    const ack = (await informantOf(from))!.tips[0].messages.find((m) => m.direction === "OUTBOUND")!;
    // What the send job does once Meta accepted the message.
    const sent = wamid(from);
    await db.message.update({
      where: { id: ack.id },
      data: { providerMessageId: hashProviderId(sent), deliveryStatus: "SENT" },
    });
    const deliver = (s: string, extra = {}) => post(envelope([{ statuses: [status(sent, s, extra)] }]));
    expect((await deliver("read")).status).toBe(200);
    expect((await deliver("delivered")).status).toBe(200); // late, out of order: must not go back
    expect((await db.message.findUniqueOrThrow({ where: { id: ack.id } })).deliveryStatus).toBe("READ");
    await deliver("failed", {
      errors: [
        {
          code: 131047,
          title: "Re-engagement message",
          message: "Re-engagement message",
          error_data: { details: "More than 24 hours have passed" },
        },
      ],
    });
    const failed = await db.message.findUniqueOrThrow({ where: { id: ack.id } });
    expect(failed.deliveryStatus).toBe("FAILED");
    expect(failed.deliveryError).toMatch(/131047 Re-engagement message More than 24 hours/);
    expect((await post(envelope([{ statuses: [status("wamid.unknown" + seq, "delivered")] }]))).status).toBe(200);
    const ignored = await db.webhookEvent.findFirstOrThrow({
      where: { externalId: `status:${hashProviderId("wamid.unknown" + seq)}:delivered` },
    });
    expect(ignored).toMatchObject({ status: "IGNORED", error: "status for a message we did not send" });
    expect(JSON.stringify(ignored.payload)).not.toContain("16505551234");
  });

  it("records webhook-level errors with their reason", async () => {
    const payload = envelope([
      {
        errors: [
          {
            code: 130472,
            title: "User's number is part of an experiment",
            message: "x",
            error_data: { details: "Failed to send message because this user's phone number is part of an experiment" },
          },
        ],
      },
    ]);
    expect((await post(payload)).status).toBe(200);
    expect((await post(payload)).status).toBe(200);
    const evs = await db.webhookEvent.findMany({ where: { kind: "error", error: { contains: "130472" } } });
    expect(evs).toHaveLength(1);
    expect(evs[0].status).toBe("FAILED");
  });

  it("answers 503 when the transaction cannot commit, and stores a later redelivery exactly once", async () => {
    const from = phone();
    const payload = envelope([inbound({ wa_id: from }, [TYPES.text, { type: "text", text: { body: "second" } }])]);
    // A deferred constraint trigger fails at COMMIT itself: the database refused the whole transaction.
    await ownerRaw().exec(`
      CREATE OR REPLACE FUNCTION fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated commit failure'; END $$;
      CREATE CONSTRAINT TRIGGER fail_commit AFTER INSERT ON "Message" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_commit();`);
    try {
      expect((await post(payload)).status).toBe(503);
    } finally {
      await ownerRaw().exec(`DROP TRIGGER fail_commit ON "Message"; DROP FUNCTION fail_commit();`);
    }
    expect(await informantOf(from)).toBeNull();
    const ids = messageIds(payload);
    expect(await db.webhookEvent.count({ where: { externalId: { in: ids } } })).toBe(0);
    expect((await post(payload)).status).toBe(200);
    expect((await post(payload)).status).toBe(200);
    const inf = await informantOf(from);
    expect(inf!.tips).toHaveLength(1);
    expect(inf!.tips[0].messages.filter((m) => m.direction === "INBOUND").map((m) => m.body)).toEqual([
      "Does it come in another color?",
      "second",
    ]);
  });

  it("changes nothing when a message already stored arrives under another event key", async () => {
    const from = phone();
    const payload = envelope([inbound({ wa_id: from }, [TYPES.text])]);
    expect((await post(payload)).status).toBe(200);
    const [providerMessageId] = messageIds(payload);
    const before = await informantOf(from);
    // Same provider message, new event key: the statement stops at the message and undoes itself.
    const again = await ingestEvent({
      type: "message",
      provider: "META",
      externalId: `rebatched:${providerMessageId}`,
      kind: "message.text",
      at: new Date(),
      payload: {},
      channel: "WHATSAPP",
      sender: { address: { kind: "phone", value: from } },
      providerMessageId,
      messageKind: "TEXT",
      body: "again",
      media: [],
    });
    expect(again.outcome).toBe("duplicate");
    expect(await db.webhookEvent.count({ where: { externalId: `rebatched:${providerMessageId}` } })).toBe(0);
    const after = await informantOf(from);
    expect(after!.lastSeenAt).toEqual(before!.lastSeenAt);
    expect(after!.tips.map((t) => [t.messageCount, t.searchText])).toEqual(
      before!.tips.map((t) => [t.messageCount, t.searchText]),
    );
  });

  it("verifies the subscription only with our verify token", async () => {
    const get = (q: string) => GET(new Request(`https://mukhbir.example.in/api/webhooks/whatsapp?${q}`));
    const ok = await get("hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444");
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    expect((await get("hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1")).status).toBe(403);
    expect((await get("hub.challenge=1")).status).toBe(403);
  });
});
