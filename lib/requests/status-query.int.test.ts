// The informant's status query through the real WhatsApp webhook route: an informant who sends
// their own ref gets its coarse status; another informant's ref gets exactly the answer an unknown
// ref gets (the tip is matched by the informant the ingest found by keyed hash, never by the ref alone).
import { describe, expect, it, beforeAll } from "vitest";
import { db } from "../db";
import { drain } from "../jobs/worker";
import { registerHandlers } from "../jobs/handlers";
import { envelope, inbound } from "../ingest/testing/meta-fixtures";
import { postMeta } from "../ingest/testing/post-meta";
import { statusText } from "./status-query";

let seq = 0;
const number = () =>
  `9196${String(process.pid % 1000).padStart(3, "0")}${String(++seq).padStart(2, "0")}${String(Date.now() % 1000).padStart(3, "0")}`.slice(
    0,
    12,
  );
const say = async (from: string, body: string) =>
  expect((await postMeta(envelope([inbound({ wa_id: from }, [{ type: "text", text: { body } }])]))).status).toBe(200);
const lastTipOf = async (from: string, word: string) =>
  db.tip.findFirstOrThrow({
    where: { searchText: { contains: word } },
    select: { id: true, ref: true, informantId: true },
  });
/** The status replies the job queued on any tip of this informant (statusQuery marks them). */
const statusReplies = (informantId: string) =>
  db.message.findMany({
    where: { informantId, direction: "OUTBOUND", meta: { path: ["statusQuery"], equals: true } },
    orderBy: { sentAt: "asc" },
    select: { body: true },
  });

beforeAll(() => registerHandlers());

describe("informant status query by ref", () => {
  it("answers for the informant's own ref only; another's ref answers like an unknown one", async () => {
    const alice = number();
    const bob = number();
    const word = `statusq${Date.now().toString(36)}`;
    await say(alice, `${word} alice: sharab bik rahi hai`);
    await say(bob, `${word}bob bob: jua chal raha hai`);
    const aliceTip = await lastTipOf(alice, `${word} alice`);
    const bobTip = await lastTipOf(bob, `${word}bob`);
    expect(aliceTip.informantId).not.toBe(bobTip.informantId);

    await say(alice, `kya hua mere ${aliceTip.ref} ka?`);
    await say(alice, `aur ${bobTip.ref}?`);
    await say(alice, `aur EM-1999-000001?`);
    await drain();
    // (The three jobs may run concurrently: compared as a set.)
    const replies = (await statusReplies(aliceTip.informantId)).map((m) => m.body);
    expect([...replies].sort()).toEqual(
      [
        statusText(aliceTip.ref, "received"),
        statusText(bobTip.ref, "unknown"),
        statusText("EM-1999-000001", "unknown"),
      ].sort(),
    );
    // The answer about Bob's ref is word for word the unknown one: nothing about Bob's tip leaks.
    const aboutBob = replies.find((r) => r.includes(bobTip.ref))!;
    const aboutNobody = replies.find((r) => r.includes("EM-1999-000001"))!;
    expect(aboutBob.replaceAll(bobTip.ref, "X")).toBe(aboutNobody.replaceAll("EM-1999-000001", "X"));
    expect(replies.join("\n")).not.toMatch(/jua|sharab/);

    // Closed: the coarse answer changes, still without details.
    await db.tip.update({
      where: { id: aliceTip.id },
      data: { status: "CLOSED", closedAt: new Date(), outcome: "ACTIONED" },
    });
    await say(alice, `${aliceTip.ref} status?`);
    await drain();
    expect((await statusReplies(aliceTip.informantId)).map((m) => m.body).at(-1)).toBe(
      statusText(aliceTip.ref, "closed"),
    );
    expect(
      await db.auditLog.count({
        where: { action: "tip.status_query", detail: { path: ["answer"], equals: "unknown" } },
      }),
    ).toBeGreaterThanOrEqual(2);
  });
});
