// Key and pepper rotation on a live system (lib/identity/rotate.ts): while the old pepper is still
// configured as previous, informants, redeliveries and statuses keep matching; after
// `rotateIdentity` no row uses the old key or pepper, and with both retired every informant still
// matches and still receives replies.
import { afterAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { startFakeProviders } from "../simulate/fake-providers";

const fake = await startFakeProviders({ metaToken: "test-access-token", twilioSid: "ACtest", twilioToken: "12345" });
process.env.WHATSAPP_API_BASE = `${fake.url}/meta/v23.0`;
process.env.FETCH_ALLOWED_HOSTS = `http://127.0.0.1:${fake.port}`;
const original = {
  keys: process.env.IDENTITY_KEYS!,
  active: process.env.IDENTITY_ACTIVE_KEY!,
  pepper: process.env.IDENTITY_PEPPER!,
  previous: process.env.IDENTITY_PREVIOUS_PEPPERS,
};

const { db } = await import("../db");
const { reloadEnv } = await import("../env");
const { hashAddress } = await import("./crypto");
const { rotateIdentity, rotationStatus } = await import("./rotate");
const { sendOutbound } = await import("../providers/send-outbound");
const { envelope, inbound, status, realWaId } = await import("../ingest/testing/meta-fixtures");
const { postMeta } = await import("../ingest/testing/post-meta");

afterAll(async () => {
  Object.assign(process.env, {
    IDENTITY_KEYS: original.keys,
    IDENTITY_ACTIVE_KEY: original.active,
    IDENTITY_PEPPER: original.pepper,
    IDENTITY_PREVIOUS_PEPPERS: original.previous ?? "",
  });
  reloadEnv();
  await fake.close();
});

const post = postMeta;
const text = (body: string) => ({ type: "text", text: { body } });
const key3 = "t3:" + Buffer.alloc(32, 11).toString("base64");
const pepper2 = "rotated-pepper-0123456789abcdefghijklmnopqrs";

async function ownerOf(kind: "phone" | "bsuid", value: string) {
  const row = await db.informantIdentifier.findUnique({
    where: { hash: hashAddress({ kind, value }) },
    select: { informantId: true },
  });
  return row?.informantId;
}

describe("identity rotation", () => {
  it("moves every row to the new key and pepper on a live system; informants still match and receive replies", async () => {
    const n = String(Date.now()).slice(-7);
    const a = `9189${n}0`.slice(0, 12);
    const b = `9188${n}0`.slice(0, 12);
    const bsuid = `IN.55${n}${crypto.randomInt(1e6)}`;
    const oldId = realWaId(a);
    const first = envelope([
      inbound({ wa_id: a, name: "Pehla" }, [{ ...text("pehli baat"), id: oldId }]),
      inbound({ wa_id: b, user_id: bsuid, name: "Doosra" }, [text("doosri baat")]),
    ]);
    expect((await post(first)).status).toBe(200);
    const informantA = await ownerOf("phone", a);
    const informantB = await ownerOf("bsuid", bsuid);
    expect(informantA && informantB).toBeTruthy();
    // Our acknowledgement to A went out before the rotation: its WhatsApp id is stored hashed under the old pepper.
    const ack = await db.message.findFirstOrThrow({ where: { informantId: informantA, direction: "OUTBOUND" } });
    await sendOutbound(ack.id);
    const ackWamid = (fake.calls.find((c) => c.route === "meta.send")!.response as { messages: { id: string }[] })
      .messages[0].id;

    // Rotate: a new active key and pepper, the old pepper kept as previous while rows move.
    Object.assign(process.env, {
      IDENTITY_KEYS: `${original.keys},${key3}`,
      IDENTITY_ACTIVE_KEY: "t3",
      IDENTITY_PEPPER: pepper2,
      IDENTITY_PREVIOUS_PEPPERS: original.pepper,
    });
    reloadEnv();
    const before = await rotationStatus();
    expect(before.oldKey.informants).toBeGreaterThanOrEqual(2);
    expect(before.oldPepper.identifiers).toBeGreaterThanOrEqual(3);

    // Live meanwhile: the same people, a redelivery and a status still match.
    expect((await post(envelope([inbound({ wa_id: a }, [text("rotation ke beech")])]))).status).toBe(200);
    expect((await post(first)).status).toBe(200);
    expect((await post(envelope([{ statuses: [status(ackWamid, "read")] }]))).status).toBe(200);
    expect((await db.message.findUniqueOrThrow({ where: { id: ack.id } })).deliveryStatus).toBe("READ");
    expect(await db.message.count({ where: { informantId: informantA, direction: "INBOUND" } })).toBe(2);

    const report = await rotateIdentity({ batch: 2 });
    expect(report.reencrypted).toBeGreaterThan(0);
    const after = await rotationStatus();
    expect(after.oldKey).toEqual({ informants: 0, identifiers: 0 });
    expect(after.oldPepper).toEqual({ informants: 0, identifiers: 0 });
    // Resumable: a second run finds nothing to do.
    expect(await rotateIdentity()).toEqual({ reencrypted: 0, rehashed: 0, skipped: 0 });

    // Retire the old key and pepper: nothing needs them any more.
    Object.assign(process.env, { IDENTITY_KEYS: key3, IDENTITY_PREVIOUS_PEPPERS: "" });
    reloadEnv();
    expect(
      (
        await post(
          envelope([inbound({ wa_id: a }, [text("baad mein A")]), inbound({ user_id: bsuid }, [text("baad mein B")])]),
        )
      ).status,
    ).toBe(200);
    expect(await ownerOf("phone", a)).toBe(informantA);
    expect(await ownerOf("bsuid", bsuid)).toBe(informantB);
    expect(await ownerOf("phone", b)).toBe(informantB);
    expect(await db.tip.count({ where: { informantId: { in: [informantA!, informantB!] } } })).toBe(2);

    // Replies still decrypt (under the new key) and reach the right number.
    const tipA = await db.tip.findFirstOrThrow({ where: { informantId: informantA } });
    const reply = await db.message.create({
      data: {
        tipId: tipA.id,
        informantId: informantA!,
        direction: "OUTBOUND",
        kind: "TEXT",
        body: "dhanyavaad",
        provider: "META",
        providerMessageId: `local:${crypto.randomUUID()}`,
        deliveryStatus: "QUEUED",
      },
    });
    fake.reset();
    await sendOutbound(reply.id);
    expect(fake.calls.filter((c) => c.route === "meta.send").map((c) => (c.body as { to?: string }).to)).toEqual([a]);
    expect((await db.message.findUniqueOrThrow({ where: { id: reply.id } })).deliveryStatus).toBe("SENT");
  });
});
