// The reliability suite's invariant checks (database.ts) can fail: on a database filled through the
// real webhook they find nothing, and each kind of damage a lost or doubled write would leave —
// a tip's message count off, a gap or a repeat in the ref sequence, a view counter off — is reported.
import { beforeAll, describe, expect, it } from "vitest";
import { raw } from "../../db";
import { metaWebhook } from "../../ingest/webhook-routes";
import { envelope, inbound, sign } from "../../ingest/testing/meta-fixtures";
import { checkInvariants, storedCounts, type Query } from "./database";

const q: Query = (sql, params) => raw().query(sql, params);
let n = 0;
const phone = () => `9193${String(process.pid % 1000).padStart(3, "0")}${String(++n).padStart(5, "0")}`;

async function post(from: string, text: string) {
  const body = JSON.stringify(envelope([inbound({ wa_id: from }, [{ type: "text", text: { body: text } }])]));
  const res = await metaWebhook.POST(
    new Request("https://mukhbir.example.in/api/webhooks/whatsapp", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-hub-signature-256": sign(body) },
    }),
  );
  expect(res.status).toBe(200);
}

/** Runs `damage`, expects a violation matching `found`, then `repair` restores a clean state. */
async function expectCaught(damage: string, found: RegExp, repair: string) {
  await raw().exec(damage);
  expect((await checkInvariants(q)).join("\n")).toMatch(found);
  await raw().exec(repair);
  expect(await checkInvariants(q)).toEqual([]);
}

describe("reliability invariants", () => {
  beforeAll(async () => {
    for (let i = 0; i < 4; i++) await post(phone(), `rel-0badc0de-${i} invariant tip`);
    const from = phone();
    await post(from, "rel-0badc0de-a first");
    await post(from, "rel-0badc0de-b follow-up");
  });

  it("hold on data written through the webhook, and count each delivery token once", async () => {
    expect(await checkInvariants(q)).toEqual([]);
    const { tokens } = await storedCounts(q);
    expect([...tokens.keys()].sort()).toEqual([
      "rel-0badc0de-0",
      "rel-0badc0de-1",
      "rel-0badc0de-2",
      "rel-0badc0de-3",
      "rel-0badc0de-a",
      "rel-0badc0de-b",
    ]);
    expect([...tokens.values()].every((v) => v === 1)).toBe(true);
  });

  it("report a tip whose message count does not match its messages", async () => {
    const [t] = await q<{ id: string }>(`SELECT "id" FROM "Tip" ORDER BY "seq" LIMIT 1`);
    await expectCaught(
      `UPDATE "Tip" SET "messageCount" = "messageCount" + 1 WHERE "id" = '${t.id}'`,
      /messageCount/,
      `UPDATE "Tip" SET "messageCount" = "messageCount" - 1 WHERE "id" = '${t.id}'`,
    );
  });

  it("report a gap in the ref sequence and a counter ahead of the tips", async () => {
    await expectCaught(
      `UPDATE "TipCounter" SET "last" = "last" + 1`,
      /not gap-free/,
      `UPDATE "TipCounter" SET "last" = "last" - 1`,
    );
    const [t] = await q<{ seq: number; year: number }>(`SELECT "seq", "year" FROM "Tip" ORDER BY "seq" DESC LIMIT 1`);
    await expectCaught(
      `UPDATE "Tip" SET "seq" = "seq" + 10, "ref" = tip_ref("year", "seq" + 10) WHERE "seq" = ${t.seq} AND "year" = ${t.year}`,
      /not gap-free/,
      `UPDATE "Tip" SET "seq" = "seq" - 10, "ref" = tip_ref("year", "seq" - 10) WHERE "seq" = ${t.seq + 10} AND "year" = ${t.year}`,
    );
  });

  it("report view and clock counters that disagree with count(*)", async () => {
    await expectCaught(
      `INSERT INTO mukhbir_internal.tip_view_count ("stationId", "assigneeId", "status", "n") VALUES (NULL, NULL, 'NEW', 1)`,
      /view counter NEW/,
      `INSERT INTO mukhbir_internal.tip_view_count ("stationId", "assigneeId", "status", "n") VALUES (NULL, NULL, 'NEW', -1)`,
    );
    await expectCaught(
      `INSERT INTO mukhbir_internal.tip_clock_count ("stationId", "priority", "responded", "hour", "n") VALUES (NULL, 'NORMAL', false, mukhbir_internal.tip_hour(now()), -1)`,
      /clock counter NORMAL/,
      `INSERT INTO mukhbir_internal.tip_clock_count ("stationId", "priority", "responded", "hour", "n") VALUES (NULL, 'NORMAL', false, mukhbir_internal.tip_hour(now()), 1)`,
    );
  });
});
