// One informant per person, every own identifier masked: a sender who comes with a number, then
// with a business-scoped user id and the number, then with the user id alone, is one alias with
// one open tip, and their own number typed in any of those messages is masked. Real route, real database.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { hashAddress } from "../identity/crypto";
import { envelope, inbound } from "./testing/meta-fixtures";
import { ingestEvent } from "./ingest-event";
import { postMeta } from "./testing/post-meta";

let seq = 0;
const next = () => `${String(process.pid % 1000).padStart(3, "0")}${String(++seq).padStart(4, "0")}`;
const post = postMeta;
const text = (body: string) => ({ type: "text", text: { body } });

async function informantsOf(...hashes: string[]) {
  const ids = await db.informantIdentifier.findMany({ where: { hash: { in: hashes } }, select: { informantId: true } });
  return [...new Set(ids.map((i) => i.informantId))];
}

describe("one informant per person", () => {
  it("number → user id with number → user id alone: one alias, one open tip, the own number masked every time", async () => {
    const n = next();
    const number = `9193${n}000`.slice(0, 12);
    const bsuid = `IN.77${n}${Date.now()}`;
    const spaced = `${number.slice(2, 7)} ${number.slice(7)}`;
    expect(
      (await post(envelope([inbound({ wa_id: number, name: "Canary Lal" }, [text(`mera number ${spaced} hai`)])])))
        .status,
    ).toBe(200);
    expect(
      (
        await post(
          envelope([inbound({ wa_id: number, user_id: bsuid, name: "Canary Lal" }, [text(`phir se: +91 ${spaced}`)])]),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await post(
          envelope([
            inbound({ user_id: bsuid, name: "Canary Lal" }, [
              text(`number chhupa diya, par ${number.slice(2)} yaad rakho`),
            ]),
          ]),
        )
      ).status,
    ).toBe(200);

    const owners = await informantsOf(
      hashAddress({ kind: "phone", value: number }),
      hashAddress({ kind: "bsuid", value: bsuid }),
    );
    expect(owners).toHaveLength(1);
    const tips = await db.tip.findMany({
      where: { informantId: owners[0] },
      include: { messages: { where: { direction: "INBOUND" }, orderBy: { sentAt: "asc" } } },
    });
    expect(tips).toHaveLength(1);
    expect(tips[0].messages.map((m) => m.body)).toEqual([
      "mera number [•••] hai",
      "phir se: [•••]",
      "number chhupa diya, par [•••] yaad rakho",
    ]);
    const json = JSON.stringify(tips);
    expect(json).not.toContain(number.slice(2));
    expect(json).not.toContain(spaced);
    expect(json).not.toContain("Canary");
    expect(await db.tipEntity.count({ where: { tipId: tips[0].id, kind: "mobile" } })).toBe(0);
  });

  it("a number outside India typed by its owner is masked", async () => {
    const uk = `4479${next()}12`.slice(0, 12);
    expect(
      (
        await post(
          envelope([inbound({ wa_id: uk }, [text(`my number is +44 ${uk.slice(2, 6)} ${uk.slice(6)}, call me`)])]),
        )
      ).status,
    ).toBe(200);
    const [owner] = await informantsOf(hashAddress({ kind: "phone", value: uk }));
    const [m] = await db.message.findMany({ where: { informantId: owner, direction: "INBOUND" } });
    expect(m.body).toBe("my number is [•••], call me");
  });

  it("strips the sender's own card from shared contacts and keeps third parties", async () => {
    const number = `9192${next()}000`.slice(0, 12);
    const contacts = {
      type: "contacts",
      contacts: [
        { name: { formatted_name: "Main Khud" }, phones: [{ phone: `+${number}`, wa_id: number, type: "CELL" }] },
        { name: { formatted_name: "Pappu Dealer" }, phones: [{ phone: "+91 99887 76655", type: "CELL" }] },
      ],
    };
    expect((await post(envelope([inbound({ wa_id: number }, [contacts])]))).status).toBe(200);
    const [owner] = await informantsOf(hashAddress({ kind: "phone", value: number }));
    const [m] = await db.message.findMany({ where: { informantId: owner, direction: "INBOUND" } });
    expect(m.body).toBe("Pappu Dealer");
    expect(JSON.stringify(m.meta)).not.toContain(number.slice(2));
    expect(JSON.stringify(m.meta)).toContain("99887 76655");
  });

  it("two informants later found to be one are merged into the one seen first", async () => {
    const number = `9191${next()}000`.slice(0, 12);
    const bsuid = `IN.88${next()}${Date.now()}`;
    await post(
      envelope([
        inbound({ wa_id: number }, [{ ...text("pehli baat"), timestamp: String(Math.floor(Date.now() / 1000) - 600) }]),
      ]),
    );
    await post(envelope([inbound({ user_id: bsuid }, [text("doosri baat")])]));
    const phoneHash = hashAddress({ kind: "phone", value: number });
    const userHash = hashAddress({ kind: "bsuid", value: bsuid });
    const [first, second] = await Promise.all([informantsOf(phoneHash), informantsOf(userHash)]);
    expect(first[0]).not.toBe(second[0]);
    // A delivery that carries both proves they are one person.
    await ingestEvent({
      type: "message",
      provider: "META",
      externalId: `merge-${bsuid}`,
      kind: "message.text",
      at: new Date(),
      payload: {},
      channel: "WHATSAPP",
      sender: { address: { kind: "bsuid", value: bsuid }, also: [{ kind: "phone", value: number }] },
      providerMessageId: `merge-${bsuid}`,
      messageKind: "TEXT",
      body: "teesri baat",
      media: [],
    });
    const owners = await informantsOf(phoneHash, userHash);
    expect(owners).toEqual(first);
    expect(await db.informant.count({ where: { id: second[0] } })).toBe(0);
    const tips = await db.tip.findMany({
      where: { informantId: first[0] },
      include: { messages: { where: { direction: "INBOUND" } } },
    });
    expect(tips.flatMap((t) => t.messages.map((m) => m.body)).sort()).toEqual([
      "doosri baat",
      "pehli baat",
      "teesri baat",
    ]);
  });
});
