// An informant who types their own number or name, or shares their own contact card: nothing of
// it is stored in plaintext (message, tip preview and search text, stored payload), while the
// third-party numbers in the same message stay for officers.
import { describe, expect, it } from "vitest";
import { db, raw } from "../db";
import { hashAddress } from "../identity/crypto";
import { envelope, inbound } from "./testing/meta-fixtures";
import { postMeta } from "./testing/post-meta";

const post = postMeta;

describe("the informant's own identity inside message content", () => {
  it("is masked before anything is stored", async () => {
    const from = "919812300077";
    const payload = envelope([
      inbound({ wa_id: from, name: "Shyam Canary" }, [
        {
          type: "text",
          text: { body: "Main Shyam Canary, mera number +91 98123-00077 hai. Sharab maafia ka number 99887 76655." },
        },
        {
          type: "contacts",
          contacts: [{ name: { formatted_name: "Shyam Canary" }, phones: [{ phone: "+91 98123 00077", wa_id: from }] }],
        },
      ]),
    ]);
    expect((await post(payload)).status).toBe(200);

    const informant = await db.informant.findUniqueOrThrow({
      where: { addressHash: hashAddress({ kind: "phone", value: from }) },
      select: { id: true },
    });
    const tip = await db.tip.findFirstOrThrow({
      where: { informantId: informant.id },
      include: { messages: { orderBy: { sentAt: "asc" } } },
    });
    const text = tip.messages.find((m) => m.kind === "TEXT" && m.direction === "INBOUND")!;
    expect(text.body).toBe("Main [•••], mera number [•••] hai. Sharab maafia ka number 99887 76655.");
    expect(tip.preview).toContain("[•••]");

    // Every column of every row this delivery touched, as text.
    const dump = JSON.stringify(
      await raw()
        .query(`SELECT row_to_json(t)::text AS r FROM "Tip" t UNION ALL SELECT row_to_json(m)::text FROM "Message" m
        UNION ALL SELECT row_to_json(w)::text FROM "WebhookEvent" w UNION ALL SELECT row_to_json(e)::text FROM "TipEntity" e`),
    );
    for (const needle of ["9812300077", "98123-00077", "98123 00077", "Shyam Canary"])
      expect(dump).not.toContain(needle);
    expect(dump).toContain("99887 76655");
  });
});
