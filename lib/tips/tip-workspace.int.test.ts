// The tip workspace's mutations against a real database: each one checks scope, leaves a TipEvent
// and a hash-chained audit row, and refuses what the rules refuse.
import { afterAll, describe, it, expect } from "vitest";
import { db, raw } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { makeInformant, makeStation, makeTip, makeUser } from "@/lib/testing/factories";
import { hashAddress } from "@/lib/identity/crypto";
import { addNote } from "./add-note";
import { closeTip } from "./close-tip";
import { reopenTip } from "./reopen-tip";
import { mergeTip } from "./merge-tip";
import { linkTips, unlinkTips } from "./link-tips";
import { setInformantBlocked } from "./block-informant";
import { updateTipField } from "./update-tip-field";
import { sendReply } from "./send-reply";
import { getTipWorkspace, survivorOf } from "./get-tip-workspace";
import { findScopedAttachment } from "./find-scoped-attachment";
import { listCannedReplies, saveCannedReply } from "./canned-replies";
import { indexTipEntities } from "../entities/index-tip-entities";
import { verifyAuditChain } from "../audit-verify";

const officer = async (stationId: string | null = null) => {
  const u = await makeUser({ role: "OFFICER", stationId });
  return { id: u.id, role: u.role, stationId: u.stationId, districtWide: !u.stationId, ip: "127.0.0.1" };
};
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) => (e instanceof AppError ? e.code : String(e)),
  );
const audits = (tipId: string, action: string) => db.auditLog.count({ where: { tipId, action } });

describe("notes", () => {
  it("stores a note, never as a message, with an audit row", async () => {
    const me = await officer();
    const tip = await makeTip({ text: "ganja bik raha hai" });
    // Other tests' replies queue send jobs of their own: this note must add none.
    const sendJobs = () => db.job.count({ where: { kind: "outbound.send" } });
    const jobsBefore = await sendJobs();
    await addNote(me, tip.ref, { body: "Checked with beat constable" });
    expect(await db.note.count({ where: { tipId: tip.id } })).toBe(1);
    expect(await db.message.count({ where: { tipId: tip.id, direction: "OUTBOUND" } })).toBe(0);
    expect(await sendJobs()).toBe(jobsBefore);
    expect(await audits(tip.id, "tip.note")).toBe(1);
    expect(await code(addNote(me, tip.ref, { body: "   " }))).not.toBe("ok");
  });
});

describe("close and reopen", () => {
  it("refuses to close without an outcome or a summary, then closes and reopens", async () => {
    const me = await officer();
    const tip = await makeTip();
    expect(await code(closeTip(me, tip.ref, { summary: "Raid done, two held" }))).toBe("invalid");
    expect(await code(closeTip(me, tip.ref, { outcome: "ARREST_MADE", summary: "" }))).toBe("invalid");
    expect(await code(closeTip(me, tip.ref, { outcome: "NOT_AN_OUTCOME", summary: "Raid done" }))).toBe("invalid");
    expect((await db.tip.findUniqueOrThrow({ where: { id: tip.id } })).status).toBe("NEW");

    await closeTip(me, tip.ref, { outcome: "ARREST_MADE", summary: "Raid done, two held" });
    let row = await db.tip.findUniqueOrThrow({ where: { id: tip.id } });
    expect(row).toMatchObject({ status: "CLOSED", outcome: "ARREST_MADE", closingSummary: "Raid done, two held" });
    expect(row.closedAt).toBeInstanceOf(Date);
    expect(await code(closeTip(me, tip.ref, { outcome: "ACTIONED", summary: "again!" }))).toBe("conflict");

    await reopenTip(me, tip.ref);
    row = await db.tip.findUniqueOrThrow({ where: { id: tip.id } });
    expect(row).toMatchObject({ status: "NEW", outcome: null, closedAt: null });
    const events = await db.tipEvent.findMany({ where: { tipId: tip.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["closed", "reopened"]);
    expect(events[1].fromValue).toBe("ARREST_MADE");
    expect(await code(reopenTip(me, tip.ref))).toBe("conflict");
  });
});

describe("merge", () => {
  it("moves messages and notes to the survivor and points the duplicate at it", async () => {
    const me = await officer();
    const survivor = await makeTip({ text: "first report" });
    const dup = await makeTip({ text: "same thing again UP70AB1234" });
    await indexTipEntities(db as never, dup.id, "same thing again UP70AB1234");
    await addNote(me, dup.ref, { body: "looks like a repeat" });
    const result = await mergeTip(me, dup.ref, { into: survivor.ref });
    expect(result).toEqual({ survivor: survivor.ref, moved: 1 });
    expect(await db.message.count({ where: { tipId: survivor.id } })).toBe(2);
    expect(await db.message.count({ where: { tipId: dup.id } })).toBe(0);
    expect(await db.note.count({ where: { tipId: survivor.id } })).toBe(1);
    expect(await db.tipEntity.count({ where: { tipId: survivor.id, value: "UP70AB1234" } })).toBe(1);
    const merged = await db.tip.findUniqueOrThrow({ where: { id: dup.id } });
    expect(merged).toMatchObject({ status: "MERGED", mergedIntoId: survivor.id, outcome: "DUPLICATE" });
    expect(await survivorOf(me, dup.ref)).toBe(survivor.ref);
    expect((await db.tipEvent.findFirstOrThrow({ where: { tipId: dup.id } })).type).toBe("merged_into");
    expect((await db.tipEvent.findFirstOrThrow({ where: { tipId: survivor.id, type: "merged_from" } })).toValue).toBe(
      dup.ref,
    );
    expect(await code(mergeTip(me, dup.ref, { into: survivor.ref }))).toBe("conflict");
    expect(await code(mergeTip(me, survivor.ref, { into: survivor.ref }))).toBe("invalid");
  });
});

describe("links", () => {
  it("links once, shows the link from both sides, and unlinks", async () => {
    const me = await officer();
    const a = await makeTip();
    const b = await makeTip();
    expect(await linkTips(me, a.ref, { other: b.ref })).toEqual({ created: true });
    expect(await linkTips(me, b.ref, { other: a.ref })).toEqual({ created: false });
    expect((await getTipWorkspace(me, a.ref))!.links.map((l) => l.ref)).toEqual([b.ref]);
    expect((await getTipWorkspace(me, b.ref))!.links.map((l) => l.ref)).toEqual([a.ref]);
    expect(await unlinkTips(me, b.ref, { other: a.ref })).toEqual({ removed: true });
    expect(await db.tipLink.count({ where: { OR: [{ fromId: a.id }, { toId: a.id }] } })).toBe(0);
  });
});

describe("entities", () => {
  it("indexes plates and third-party numbers but never the informant's own number", async () => {
    const informant = await makeInformant({ addressHash: hashAddress({ kind: "phone", value: "919812345678" }) });
    const text = "Mera number 98123 45678 hai. Gaadi UP 70 AZ 7788, malik ka number +91 99887-76655";
    const tip = await makeTip({ informantId: informant.id, text });
    const kept = await db.$transaction((tx) => indexTipEntities(tx, tip.id, text));
    expect(kept.map((e) => `${e.kind}:${e.value}`).sort()).toEqual(["mobile:9988776655", "vehicle:UP70AZ7788"]);
    const stored = await db.tipEntity.findMany({ where: { tipId: tip.id } });
    expect(stored.map((e) => e.value).sort()).toEqual(["9988776655", "UP70AZ7788"]);

    const me = await officer();
    const other = await makeTip({ text: "UP70AZ7788 phir dikhi" });
    await indexTipEntities(db as never, other.id, "UP70AZ7788 phir dikhi");
    const ws = await getTipWorkspace(me, tip.ref);
    const vehicle = ws!.entities.find((e) => e.kind === "vehicle")!;
    expect(vehicle.otherCount).toBe(1);
    expect(vehicle.others[0].ref).toBe(other.ref);
    const json = JSON.stringify(ws);
    expect(json).not.toContain("9812345678");
    expect(json).not.toContain("98123 45678");
    expect(ws!.messages[0].body).toBe("Mera number [•••] hai. Gaadi UP 70 AZ 7788, malik ka number +91 99887-76655");
  });

  it("masks the informant's own number in a shared contact card, keeps third parties", async () => {
    const informant = await makeInformant({ addressHash: hashAddress({ kind: "phone", value: "919812345670" }) });
    const tip = await makeTip({ informantId: informant.id, text: "" });
    const contacts = [
      { name: { formatted_name: "Me" }, phones: [{ phone: "+91 98123 45670", wa_id: "919812345670" }] },
      {
        name: { formatted_name: "Pappu Dealer" },
        org: { company: "Kabadi" },
        phones: [{ phone: "+91 99000 11122", wa_id: "919900011122" }],
      },
    ];
    await db.message.create({
      data: {
        tipId: tip.id,
        informantId: informant.id,
        direction: "INBOUND",
        kind: "CONTACTS",
        body: "Me, Pappu Dealer",
        meta: { contacts },
        provider: "META",
        providerMessageId: `wamid.c${Date.now()}`,
      },
    });
    const ws = await getTipWorkspace(await officer(), tip.ref);
    const card = ws!.messages.find((m) => m.kind === "CONTACTS")!;
    expect(card.contacts).toEqual([
      { name: "Me", org: null, phones: ["[•••]"] },
      { name: "Pappu Dealer", org: "Kabadi", phones: ["+91 99000 11122"] },
    ]);
    expect(JSON.stringify(ws)).not.toMatch(/9812345670|98123 45670/);
  });
});

describe("block informant", () => {
  it("blocks by alias with a reason and records it", async () => {
    const lead = { ...(await officer()), role: "SUPERVISOR" as const };
    const tip = await makeTip();
    expect(await code(setInformantBlocked(lead, tip.ref, { blocked: true }))).toBe("invalid");
    await setInformantBlocked(lead, tip.ref, { blocked: true, reason: "abusive messages" });
    const inf = await db.informant.findUniqueOrThrow({ where: { id: tip.informantId } });
    expect(inf).toMatchObject({ blocked: true, blockedReason: "abusive messages" });
    expect(await audits(tip.id, "tip.informant_blocked")).toBe(1);
    const ws = await getTipWorkspace(lead, tip.ref);
    expect(ws!.reply).toEqual({ mode: "disabled", reason: "blocked" });
  });
});

describe("fields", () => {
  it("changes priority and category with events, and refuses closing through it", async () => {
    const me = await officer();
    const station = await makeStation();
    const tip = await makeTip();
    await updateTipField(me, tip.ref, { field: "priority", value: "URGENT" });
    await updateTipField(me, tip.ref, { field: "category", value: "NARCOTICS" });
    await updateTipField(me, tip.ref, { field: "station", value: station.id });
    expect(await updateTipField(me, tip.ref, { field: "priority", value: "URGENT" })).toEqual({ changed: false });
    expect(await code(updateTipField(me, tip.ref, { field: "status", value: "CLOSED" }))).toBe("invalid");
    const row = await db.tip.findUniqueOrThrow({ where: { id: tip.id } });
    expect(row).toMatchObject({ priority: "URGENT", category: "NARCOTICS", stationId: station.id });
    expect(
      (await db.tipEvent.findMany({ where: { tipId: tip.id }, orderBy: { at: "asc" } })).map((e) => e.type),
    ).toEqual(["priority_changed", "category_changed", "station_changed"]);
  });
});

describe("reply", () => {
  it("queues an outbound message and its send job in one go, and counts as first response", async () => {
    const me = await officer();
    const informant = await makeInformant({ lastInboundAt: new Date() });
    const tip = await makeTip({ informantId: informant.id });
    const { messageId } = await sendReply(me, tip.ref, { text: "Kripya jagah batayein" });
    const m = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(m).toMatchObject({
      direction: "OUTBOUND",
      kind: "TEXT",
      deliveryStatus: "QUEUED",
      provider: "META",
      sentById: me.id,
      body: "Kripya jagah batayein",
    });
    expect(m.providerMessageId).toMatch(/^local:/);
    expect(await db.job.count({ where: { kind: "outbound.send", dedupeKey: messageId } })).toBe(1);
    const row = await db.tip.findUniqueOrThrow({ where: { id: tip.id } });
    expect(row.firstResponseAt).toBeInstanceOf(Date);
    expect(row.status).toBe("WAITING_INFORMANT");
    expect(await audits(tip.id, "tip.reply")).toBe(1);
  });

  it("is refused outside the 24-hour window without a template", async () => {
    const me = await officer();
    const informant = await makeInformant({ lastInboundAt: new Date(Date.now() - 25 * 3600_000) });
    const tip = await makeTip({ informantId: informant.id });
    const err = await sendReply(me, tip.ref, { text: "hello" }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.detail).toEqual({ reason: "windowClosed" });
    expect(await db.message.count({ where: { tipId: tip.id, direction: "OUTBOUND" } })).toBe(0);
  });
});

describe("station scoping", () => {
  it("gives a station officer 'not found' for another station's tip, its media and its actions", async () => {
    const [mine, theirs] = [await makeStation(), await makeStation()];
    const me = await officer(mine.id);
    const supervisor = { ...(await officer()), role: "SUPERVISOR" as const };
    const tip = await makeTip({ stationId: theirs.id, text: "other station" });
    const msg = await db.message.findFirstOrThrow({ where: { tipId: tip.id } });
    const att = await db.attachment.create({
      data: { messageId: msg.id, provider: "META", providerRef: "media-1", mime: "image/jpeg" },
    });
    const own = await makeTip({ stationId: mine.id });

    expect(await getTipWorkspace(me, tip.ref)).toBeNull();
    expect(await getTipWorkspace(supervisor, tip.ref)).not.toBeNull();
    expect(await getTipWorkspace(me, own.ref)).not.toBeNull();
    expect(await code(findScopedAttachment(me, att.id))).toBe("notFound");
    expect(await code(findScopedAttachment(supervisor, att.id))).toBe("ok");
    for (const attempt of [
      () => addNote(me, tip.ref, { body: "x" }),
      () => closeTip(me, tip.ref, { outcome: "ACTIONED", summary: "done here" }),
      () => updateTipField(me, tip.ref, { field: "priority", value: "LOW" }),
      () => mergeTip(me, own.ref, { into: tip.ref }),
      () => linkTips(me, own.ref, { other: tip.ref }),
      () => sendReply(me, tip.ref, { text: "hi" }),
      () => setInformantBlocked(me, tip.ref, { blocked: true, reason: "abuse" }),
    ])
      expect(await code(attempt())).toBe("notFound");
    expect(await db.tipEvent.count({ where: { tipId: { in: [tip.id, own.id] } } })).toBe(0);
  });
});

describe("canned replies", () => {
  it("needs both languages, audits each save, and hides inactive ones from officers", async () => {
    const admin = { ...(await officer()), role: "ADMIN" as const };
    expect(await code(saveCannedReply(admin, { title: "Location", bodyEn: "Where?", bodyHi: "" }))).toBe("invalid");
    const { id } = await saveCannedReply(admin, {
      title: "Location",
      bodyEn: "Please share the location.",
      bodyHi: "कृपया जगह बताइए।",
    });
    expect((await listCannedReplies({ activeOnly: true })).map((c) => c.id)).toContain(id);
    await saveCannedReply(admin, {
      id,
      title: "Location",
      bodyEn: "Please share the location.",
      bodyHi: "कृपया जगह बताइए।",
      active: false,
    });
    expect((await listCannedReplies({ activeOnly: true })).map((c) => c.id)).not.toContain(id);
    expect(
      await db.auditLog.count({ where: { targetId: id, action: { in: ["canned.create", "canned.update"] } } }),
    ).toBe(2);
  });
});

describe("audit chain", () => {
  const verify = () => verifyAuditChain(raw(), { key: process.env.AUDIT_KEY! });

  it("stays intact across a run of audited verbs", async () => {
    // Its own verbs, so it proves something whichever tests ran before it (shuffled order).
    const me = await officer();
    const [a, b] = [await makeTip(), await makeTip()];
    const before = await db.auditLog.count();
    await addNote(me, a.ref, { body: "chain check" });
    await updateTipField(me, a.ref, { field: "priority", value: "HIGH" });
    await linkTips(me, a.ref, { other: b.ref });
    await closeTip(me, a.ref, { outcome: "ACTIONED", summary: "Checked, nothing found" });
    await reopenTip(me, a.ref);
    await mergeTip(me, b.ref, { into: a.ref });
    expect(await db.auditLog.count()).toBeGreaterThanOrEqual(before + 6);
    const result = await verify();
    expect(result).toMatchObject({ ok: true });
    expect(result.rows).toBeGreaterThanOrEqual(before + 6);
  });

  // And across everything this file did, in whatever order it ran.
  afterAll(async () => {
    expect(await verify()).toMatchObject({ ok: true });
  });
});
