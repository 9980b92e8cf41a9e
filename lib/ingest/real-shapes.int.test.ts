// Shapes the providers really send that the desk once refused or mislabelled, through the route
// handlers on a real database: never a 4xx for a signed delivery Meta or Exotel sends.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { twilioWebhook } from "./webhook-routes";
import { hashAddress, hashProviderId } from "../identity/crypto";
import { envelope, inbound, nowTs, realWaId, TYPES, wamid } from "./testing/meta-fixtures";
import { sid, twilioSign } from "./testing/form-fixtures";
import { postMeta } from "./testing/post-meta";
const twilioStatus = twilioWebhook.status;

let seq = 0;
const phone = () => `9194${String(process.pid % 1000).padStart(3, "0")}${String(++seq).padStart(5, "0")}`;
const post = postMeta;

async function tipsOf(number: string) {
  const inf = await db.informant.findUnique({
    where: { addressHash: hashAddress({ kind: "phone", value: number }) },
    include: { tips: { include: { messages: { orderBy: { sentAt: "asc" } } } } },
  });
  return inf?.tips ?? [];
}

describe("WhatsApp shapes", () => {
  it("an interactive message without its interactive object, with value.errors: the message and the error are both recorded", async () => {
    const from = phone();
    const id = wamid(from);
    const payload = envelope([
      {
        ...inbound({ wa_id: from }, [
          {
            id,
            type: "interactive",
            errors: [
              {
                code: 131000,
                title: "Something went wrong",
                message: "Something went wrong",
                error_data: { details: "Something went wrong" },
              },
            ],
          },
        ]),
        errors: [
          {
            code: 131000,
            title: "Something went wrong",
            message: "Something went wrong",
            error_data: { details: "Something went wrong" },
          },
        ],
      },
    ]);
    expect((await post(payload)).status).toBe(200);
    const [tip] = await tipsOf(from);
    expect(tip.messages.find((m) => m.direction === "INBOUND")).toMatchObject({ kind: "UNSUPPORTED" });
    expect(await db.webhookEvent.count({ where: { kind: "error", error: { contains: "131000" } } })).toBeGreaterThan(0);
  });

  it("numeric timestamps are accepted for messages and statuses", async () => {
    const from = phone();
    const t = Math.floor(Date.now() / 1000) - 60;
    expect((await post(envelope([inbound({ wa_id: from }, [{ ...TYPES.text, timestamp: t }])]))).status).toBe(200);
    expect(
      (await post(envelope([{ statuses: [{ id: wamid(), status: "sent", timestamp: t, recipient_id: from }] }])))
        .status,
    ).toBe(200);
    const [tip] = await tipsOf(from);
    expect(tip.receivedAt.getTime()).toBe(t * 1000);
  });

  it("system messages and content-less edits never open a tip or send an acknowledgement", async () => {
    const from = phone();
    const system = {
      type: "system",
      system: {
        body: `User changed from ${from} to 919999999999`,
        type: "user_changed_number",
        new_wa_id: "919999999999",
      },
    };
    expect((await post(envelope([inbound({ wa_id: from }, [system, TYPES.unsupported])]))).status).toBe(200);
    expect(await tipsOf(from)).toEqual([]);
    expect(await db.webhookEvent.count({ where: { kind: "message.system", status: "IGNORED" } })).toBeGreaterThan(0);
    expect(JSON.stringify(await db.webhookEvent.findMany({ where: { kind: "message.system" } }))).not.toContain(from);
  });

  it("an edit updates the message it edits and keeps the original in its history; a deletion keeps the text", async () => {
    const from = phone();
    const id = wamid(from);
    expect(
      (
        await post(
          envelope([inbound({ wa_id: from }, [{ id, type: "text", text: { body: "gaadi UP70AB1234 safed" } }])]),
        )
      ).status,
    ).toBe(200);
    const edit = {
      type: "edit",
      edit: { original_message_id: id, message: { type: "text", text: { body: "gaadi UP70AB1234 kaali" } } },
    };
    expect((await post(envelope([inbound({ wa_id: from }, [edit])]))).status).toBe(200);
    // Someone else cannot edit it.
    expect(
      (
        await post(
          envelope([
            inbound({ wa_id: phone() }, [
              { ...edit, edit: { ...edit.edit, message: { type: "text", text: { body: "forged" } } } },
            ]),
          ]),
        )
      ).status,
    ).toBe(200);
    let [tip] = await tipsOf(from);
    const msg = tip.messages.find((m) => m.providerMessageId === hashProviderId(id))!;
    expect(msg.body).toBe("gaadi UP70AB1234 kaali");
    expect(msg.meta).toMatchObject({ edited: true, history: [{ body: "gaadi UP70AB1234 safed" }] });
    expect(tip.messages.filter((m) => m.direction === "OUTBOUND")).toHaveLength(1); // one acknowledgement, for the first message
    expect(
      (await post(envelope([inbound({ wa_id: from }, [{ type: "revoke", revoke: { original_message_id: id } }])])))
        .status,
    ).toBe(200);
    [tip] = await tipsOf(from);
    expect(tip.messages.find((m) => m.id === msg.id)).toMatchObject({
      body: "gaadi UP70AB1234 kaali",
      meta: { revoked: true },
    });
    expect(tip.messages.filter((m) => m.direction === "INBOUND")).toHaveLength(1);
  });

  it("a WhatsApp call becomes a call message on the caller's tip: missed, or answered with its duration", async () => {
    const from = phone();
    expect(
      (await post(envelope([inbound({ wa_id: from }, [{ type: "text", text: { body: "call karunga" } }])]))).status,
    ).toBe(200);
    const callHook = (calls: Record<string, unknown>[]) => {
      const hook = envelope([{ contacts: [{ profile: { name: "Caller" }, wa_id: from }], calls }]);
      hook.entry[0].changes[0].field = "calls";
      return hook;
    };
    const answeredId = realWaId(from, "wacid.");
    const call = (id: string, extra: Record<string, unknown>) => ({
      id,
      from,
      to: "15550783881",
      timestamp: nowTs(),
      direction: "USER_INITIATED",
      ...extra,
    });
    expect(
      (await post(callHook([call(answeredId, { event: "connect", session: { sdp_type: "offer", sdp: "v=0" } })])))
        .status,
    ).toBe(200);
    expect(
      (
        await post(
          callHook([
            call(answeredId, {
              event: "terminate",
              status: "Completed",
              duration: 95,
              start_time: nowTs(),
              end_time: nowTs(),
            }),
          ]),
        )
      ).status,
    ).toBe(200);
    const missedId = realWaId(from, "wacid.");
    expect((await post(callHook([call(missedId, { event: "terminate", status: "Failed" })]))).status).toBe(200);
    const tips = await tipsOf(from);
    expect(tips).toHaveLength(1);
    const calls = tips[0].messages.filter((m) => m.kind === "CALL");
    expect(calls.map((m) => m.meta)).toEqual([
      expect.objectContaining({ status: "answered", durationSec: 95 }),
      expect.objectContaining({ status: "missed" }),
    ]);
    expect(JSON.stringify(calls)).not.toMatch(/wacid|HBg/);
  });
});

describe("Twilio shapes", () => {
  it("a Twilio message status Twilio adds later is recorded, not refused", async () => {
    const params = { MessageSid: sid("SM"), MessageStatus: "partially_delivered", AccountSid: "AC" + "0".repeat(32) };
    const base = "https://mukhbir.example.in/api/webhooks/twilio/status";
    const res = await twilioStatus(
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
    expect(
      await db.webhookEvent.findFirst({ where: { externalId: `status:${params.MessageSid}:partially_delivered` } }),
    ).toMatchObject({ status: "IGNORED" });
  });
});
