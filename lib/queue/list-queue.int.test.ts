import { describe, expect, it, beforeAll } from "vitest";
import { db } from "../db";
import { makeStation, makeTip, makeUser } from "../testing/factories";
import { DEFAULT_SLA } from "../sla/targets";
import { listQueue, queueRowsById } from "./list-queue";
import { countViews } from "./count-views";
import { parseQueueParams } from "./params";
import type { QueryContext } from "./conditions";

const min = (n: number) => new Date(Date.now() - n * 60_000);
let ctx: QueryContext;
let stationA: string;
let stationB: string;
let me: string;
let other: string;

async function refs(query: Record<string, string>, c = ctx) {
  return (await listQueue(parseQueueParams(query), c)).rows.map((r) => r.ref);
}

/** Every row of a view, page by page (however many other tests added). */
async function allRows(query: Record<string, string>, c = ctx) {
  const out = [];
  let after: string | undefined;
  for (;;) {
    const page = await listQueue(parseQueueParams({ ...query, size: "100", ...(after ? { after } : {}) }), c);
    out.push(...page.rows);
    if (!page.next) return out;
    after = page.next;
  }
}

describe("queue queries", () => {
  const tips: Record<string, string> = {};
  /** The refs of the shared fixture below, in the order given: other tests add tips of their own
   * (in any order), so the views' expectations are about these rows. */
  const ours = (refs: string[]) => refs.filter((r) => Object.values(tips).includes(r));
  beforeAll(async () => {
    // Shared by the tests below, which only read it; a test that adds or changes tips uses its own.
    stationA = (await makeStation()).id;
    stationB = (await makeStation()).id;
    me = (await makeUser({ role: "SUPERVISOR" })).id;
    other = (await makeUser()).id;
    ctx = {
      viewer: { id: me, role: "SUPERVISOR", stationId: null, districtWide: false },
      targets: DEFAULT_SLA,
      now: new Date(),
    };
    const seed = async (name: string, data: Parameters<typeof makeTip>[0]) => (tips[name] = (await makeTip(data)).ref);
    await seed("old", {
      receivedAt: min(300),
      text: "Gaddi number UP70 AB 1234 ke paas sharab bik rahi hai",
      stationId: stationA,
    });
    await seed("hindi", {
      receivedAt: min(200),
      text: "मोहल्ले में अवैध शराब बिक रही है",
      stationId: stationB,
      priority: "HIGH",
    });
    await seed("nfkc", {
      receivedAt: min(100),
      text: "ＣＡＳＩＮＯ chal raha hai",
      stationId: stationA,
      category: "GAMBLING",
    });
    await seed("mine", {
      receivedAt: min(90),
      text: "my tip",
      assigneeId: me,
      status: "IN_PROGRESS",
      firstResponseAt: min(80),
    });
    await seed("others", {
      receivedAt: min(2),
      text: "someone else's",
      assigneeId: other,
      status: "IN_PROGRESS",
      priority: "URGENT",
      firstResponseAt: min(1),
    });
    await seed("waiting", {
      receivedAt: min(50),
      text: "waiting one",
      assigneeId: me,
      status: "WAITING_INFORMANT",
      firstResponseAt: min(49),
    });
    await seed("closed", {
      receivedAt: min(40),
      text: "spam closed",
      status: "CLOSED",
      closedAt: min(1),
      outcome: "SPAM_ABUSE",
    });
    await seed("closedOld", {
      receivedAt: min(60 * 24 * 3),
      text: "old closed",
      status: "CLOSED",
      closedAt: min(60 * 24 * 2),
    });
    await seed("fresh", { receivedAt: min(1), text: "fresh normal", priority: "NORMAL" });
  });

  it("Unassigned is first in, first out and leaves out assigned and closed tips", async () => {
    const rows = await allRows({});
    expect(ours(rows.map((r) => r.ref))).toEqual([tips.old, tips.hindi, tips.nfkc, tips.fresh]);
    const received = rows.map((r) => r.receivedAt);
    expect(received).toEqual([...received].sort());
  });

  it("Mine, All open, Waiting, Closed today", async () => {
    expect(await refs({ view: "mine" })).toEqual([tips.mine, tips.waiting]);
    expect(ours((await allRows({ view: "open" })).map((r) => r.ref))).toHaveLength(7);
    expect(await refs({ view: "waiting" })).toEqual([tips.waiting]);
    expect(await refs({ view: "closedToday" })).toEqual([tips.closed]);
  });

  it("Breaching SLA lists late tips in SQL: unanswered past first-response target or open past resolution", async () => {
    // old (300 min, normal: 60 min), hindi (200 min, high: 15), nfkc (100 min, normal) are late; mine answered in time.
    const rows = await allRows({ view: "breaching" });
    expect(ours(rows.map((r) => r.ref))).toEqual([tips.old, tips.hindi, tips.nfkc]);
    expect(rows.every((r) => r.sla.state === "breached")).toBe(true);
  });

  it("counts every view", async () => {
    // Each count is its view's whole list (other tests' tips included), of which the fixture's share is known.
    const counts = await countViews(ctx);
    const listed: Record<string, number> = {};
    const fixture: Record<string, number> = {};
    for (const view of Object.keys(counts)) {
      const rows = await allRows({ view });
      listed[view] = rows.length;
      fixture[view] = ours(rows.map((r) => r.ref)).length;
    }
    expect(counts).toEqual(listed);
    expect(fixture).toEqual({ unassigned: 4, mine: 2, open: 7, breaching: 3, waiting: 1, closedToday: 1 });
  });

  it("filters by priority, category, station, assignee, channel, status", async () => {
    expect(await refs({ view: "open", priority: "HIGH" })).toEqual([tips.hindi]);
    expect(await refs({ view: "open", category: "GAMBLING" })).toEqual([tips.nfkc]);
    expect(await refs({ view: "open", station: stationA })).toEqual([tips.old, tips.nfkc]);
    expect(await refs({ view: "open", assignee: other })).toEqual([tips.others]);
    expect(await refs({ view: "open", channel: "VOICE" })).toEqual([]);
    expect(await refs({ view: "all", status: "CLOSED" })).toEqual([tips.closed, tips.closedOld]);
  });

  it("searches Devanagari and Latin text, NFKC-normalised and case-insensitive, across scripts (ADR 0700)", async () => {
    // Judged on the fixture's rows: other tests' tips (e.g. "bulk 10") may match a loose query too.
    // The exact script first, then the other script's phonetic match.
    expect(ours(await refs({ view: "all", q: "शराब" }))).toEqual([tips.hindi, tips.old]);
    expect(ours(await refs({ view: "all", q: "SHARAB" }))).toEqual([tips.old, tips.hindi]);
    expect(ours(await refs({ view: "all", q: "casino" }))).toEqual([tips.nfkc]);
    expect(ours(await refs({ view: "all", q: "Ｃａｓｉｎｏ" }))).toEqual([tips.nfkc]);
    expect(ours(await refs({ view: "all", q: "100%" }))).toEqual([]);
    expect(ours(await refs({ view: "all", q: tips.hindi.toLowerCase() }))).toEqual([tips.hindi]);
  });

  it("filters by an entity from TipEntity", async () => {
    const tip = await db.tip.findUniqueOrThrow({ where: { ref: tips.old } });
    await db.tipEntity.create({ data: { tipId: tip.id, kind: "vehicle", value: "UP70AB1234" } });
    expect(await refs({ view: "all", entity: "vehicle:UP70AB1234" })).toEqual([tips.old]);
    expect(await refs({ view: "all", entity: "vehicle:UP70AB9999" })).toEqual([]);
  });

  it("filters by IST receive days with an entity, as the dashboard's hot-spot links do", async () => {
    const value = `hot${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@ybl`;
    // 2025-03-10 00:10 IST is 2025-03-09 18:40 UTC: the IST day counts, not the UTC one.
    const at = (iso: string) => new Date(iso);
    const mk = async (receivedAt: Date) => {
      const t = await makeTip({ receivedAt, text: "hot spot filter" });
      await db.tipEntity.create({ data: { tipId: t.id, kind: "upi", value } });
      return t.ref;
    };
    const before = await mk(at("2025-03-09T18:20:00Z")); // 9 Mar 23:50 IST
    const first = await mk(at("2025-03-09T18:40:00Z")); // 10 Mar 00:10 IST
    const last = await mk(at("2025-03-11T18:20:00Z")); // 11 Mar 23:50 IST
    const after = await mk(at("2025-03-11T18:40:00Z")); // 12 Mar 00:10 IST
    const q = { view: "all", entity: `upi:${value}`, dir: "asc" };
    expect(await refs({ ...q, from: "2025-03-10", to: "2025-03-11" })).toEqual([first, last]);
    expect(await refs({ ...q, from: "2025-03-12" })).toEqual([after]);
    expect(await refs({ ...q, to: "2025-03-09" })).toEqual([before]);
    // A malformed day filters nothing rather than failing (bookmarked links).
    expect(await refs({ ...q, from: "2025-02-30" })).toEqual([before, first, last, after]);
  });

  it("always applies the station scope of an officer bound to a station", async () => {
    const officer = await makeUser({ stationId: stationB });
    const scoped = {
      ...ctx,
      viewer: { id: officer.id, role: "OFFICER" as const, stationId: stationB, districtWide: false },
    };
    expect(await refs({ view: "all" }, scoped)).toEqual([tips.hindi]);
    expect(await refs({ view: "all", station: stationA }, scoped)).toEqual([]);
    expect((await countViews(scoped)).unassigned).toBe(1);
    const a = await db.tip.findUniqueOrThrow({ where: { ref: tips.old } });
    expect(await queueRowsById(parseQueueParams({ view: "all" }), scoped, [a.id])).toEqual([]);
  });

  it("pages with keyset cursors forwards and backwards, in every sort", async () => {
    for (const sort of ["received", "priority", "lastActivity", "ref"]) {
      for (const dir of ["asc", "desc"]) {
        const all = (await allRows({ view: "all", sort, dir })).map((r) => r.ref);
        expect(ours(all)).toHaveLength(9);
        const seen: string[] = [];
        let after: string | undefined;
        const pages = [];
        for (;;) {
          const page = await listQueue(
            parseQueueParams({ view: "all", sort, dir, size: "25", ...(after ? { after } : {}) }),
            ctx,
          );
          pages.push(page);
          seen.push(...page.rows.map((r) => r.ref));
          if (!page.next) break;
          after = page.next;
        }
        expect(seen, `${sort} ${dir}`).toEqual(all);
      }
    }
  });

  it("keyset pages over more rows than a page, and back", async () => {
    // Its own 60 tips, in a station of their own, so the pages hold exactly them.
    const bulk = (await makeStation()).id;
    const made: string[] = [];
    for (let i = 0; i < 60; i++)
      made.push((await makeTip({ receivedAt: min(1000 + i), text: `bulk ${i}`, stationId: bulk })).ref);
    const q = { view: "all", size: "25", station: bulk };
    const p1 = await listQueue(parseQueueParams(q), ctx);
    expect(p1.prev).toBeNull();
    const p2 = await listQueue(parseQueueParams({ ...q, after: p1.next! }), ctx);
    const p3 = await listQueue(parseQueueParams({ ...q, after: p2.next! }), ctx);
    expect(p3.next).toBeNull();
    expect([p1, p2, p3].map((p) => p.rows.length)).toEqual([25, 25, 10]);
    expect([...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.ref).sort()).toEqual(made.sort());
    const back = await listQueue(parseQueueParams({ ...q, before: p3.prev! }), ctx);
    expect(back.rows.map((r) => r.ref)).toEqual(p2.rows.map((r) => r.ref));
    const first = await listQueue(parseQueueParams({ ...q, before: back.prev! }), ctx);
    expect(first.rows.map((r) => r.ref)).toEqual(p1.rows.map((r) => r.ref));
    expect(first.prev).toBeNull();
    // A tampered cursor shows the first page instead of failing.
    expect((await listQueue(parseQueueParams({ ...q, after: "garbage" }), ctx)).rows[0].ref).toBe(p1.rows[0].ref);
  });

  it("returns live rows by id only while they match the view", async () => {
    // Its own tip and assignee: the fixture's tips and users stay as the other tests expect them.
    const fresh = await makeTip({ receivedAt: min(1), text: "live row" });
    const someone = (await makeUser()).id;
    const f = parseQueueParams({});
    expect((await queueRowsById(f, ctx, [fresh.id])).map((r) => r.ref)).toEqual([fresh.ref]);
    await db.tip.update({ where: { id: fresh.id }, data: { assigneeId: someone } });
    expect(await queueRowsById(f, ctx, [fresh.id])).toEqual([]);
  });
});
