// Paging through a search whose word many tips have (ADR 0710): the walk that stops after a page
// must give, page by page, exactly the matches an independent query finds, in time order — no row
// skipped or repeated, forwards and backwards — with the queue's filters, and each page shown
// exact matches first. The tips live in their own station, so other tests' rows never count.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { makeStation, makeSupervisorContext, makeTip } from "../testing/factories";
import { addDays, istDay, istMidnight } from "../time/ist";
import { FUZZY_LIMIT, FUZZY_SIMILARITY, keyedWords, parseSearch } from "../search/query";
import { listQueue, queueRowsById } from "./list-queue";
import { parseQueueParams } from "./params";
import type { QueryContext } from "./conditions";
import { Prisma } from "../generated/prisma/client";

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
let ctx: QueryContext;
let station: string;

/** What ADR 0700 says matches, as one plain set query (no walk, no plan), newest first. */
async function expected(q: string, extra: Prisma.Sql): Promise<string[]> {
  const parsed = parseSearch(q);
  if (!parsed.ok) throw new Error(q);
  const words = keyedWords(parsed.query).map(
    (
      w,
    ) => Prisma.sql`EXISTS (SELECT 1 FROM mukhbir_internal.search_term s WHERE s.tip_id = t."id" AND (s."key" = ${w.key}
      OR s."key" IN (SELECT sw."key" FROM mukhbir_internal.search_word sw WHERE sw.word % ${w.roman}
                     AND similarity(sw.word, ${w.roman}) >= ${FUZZY_SIMILARITY}::real
                     ORDER BY similarity(sw.word, ${w.roman}) DESC LIMIT ${FUZZY_LIMIT}::int)))`,
  );
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT t."id" FROM "Tip" t
    WHERE t."stationId" = ${station}::uuid AND (${extra})
      AND (position(${parsed.query.text} in t."searchText") > 0 OR (${Prisma.join(words, " AND ")}))
    ORDER BY t."receivedAt" DESC, t."id" DESC`;
  return rows.map((r) => r.id);
}

type Page = Awaited<ReturnType<typeof listQueue>>;

/** Every page forwards, then every page backwards from the last. */
async function pages(query: Record<string, string>) {
  const forward: Page[] = [];
  let after: string | undefined;
  for (;;) {
    const p = await listQueue(parseQueueParams({ ...query, ...(after ? { after } : {}) }), ctx);
    forward.push(p);
    if (!p.next) break;
    after = p.next;
  }
  const backward: Page[] = [];
  let before = forward[forward.length - 1].prev;
  while (before) {
    const p = await listQueue(parseQueueParams({ ...query, before }), ctx);
    backward.unshift(p);
    before = p.prev;
  }
  return { forward, backward };
}

describe("search paging (ADR 0710)", () => {
  beforeAll(async () => {
    station = (await makeStation()).id;
    ctx = await makeSupervisorContext();
    const texts = [
      "avaidh sharab bik rahi hai", // exact
      "अवैध शराब की भट्टी", // phonetic
      "sharaab ka theka", // phonetic (another spelling)
      "sharabi log jhagda", // exact (a longer word) and a typo of it
      "jua chal raha hai", // no match
    ];
    const tie = hoursAgo(30);
    for (let i = 0; i < 70; i++)
      await makeTip({
        text: `${texts[i % texts.length]} ${i}`,
        stationId: station,
        // Several tips share a time: the id breaks the tie.
        receivedAt: i % 9 === 0 ? tie : hoursAgo(i * 7),
        status: i % 4 === 0 ? "CLOSED" : "NEW",
        ...(i % 3 === 0 ? { sourceGrade: "RELIABLE", intelGrade: "A", handlingCode: "P" } : {}),
      } as Parameters<typeof makeTip>[0]);
  }, 120_000);

  const day = (h: number) => istDay(hoursAgo(h));
  const cases: { name: string; q: string; query: Record<string, string>; extra: Prisma.Sql }[] = [
    { name: "all tips", q: "sharab", query: {}, extra: Prisma.sql`TRUE` },
    {
      name: "open only",
      q: "sharab",
      query: { view: "open" },
      extra: Prisma.sql`t."status" IN ('NEW', 'IN_PROGRESS', 'WAITING_INFORMANT')`,
    },
    { name: "graded A", q: "शराब", query: { intel: "A" }, extra: Prisma.sql`t."intelGrade" = 'A'` },
    {
      name: "received between two days",
      q: "sharab",
      query: { from: day(300), to: day(100) },
      extra: Prisma.sql`t."receivedAt" >= ${istMidnight(day(300))} AND t."receivedAt" < ${istMidnight(addDays(day(100), 1))}`,
    },
    { name: "two words", q: "avaidh sharab", query: {}, extra: Prisma.sql`TRUE` },
  ];

  for (const c of cases)
    it(`pages through "${c.q}" (${c.name}) as an independent query finds it`, async () => {
      const want = await expected(c.q, c.extra);
      expect(want.length).toBeGreaterThan(c.name === "all tips" ? 40 : 3);
      for (const [sort, dir] of [
        ["relevance", "desc"],
        ["received", "desc"],
        ["received", "asc"],
      ]) {
        const query = { view: "all", station, q: c.q, size: "25", sort, dir, ...c.query };
        const inOrder = dir === "desc" ? want : [...want].reverse();
        const { forward, backward } = await pages(query);
        const ids = forward.flatMap((p) => p.rows.map((r) => r.id));
        expect(new Set(ids).size).toBe(ids.length);
        // Page k holds the k-th 25 matches in time order.
        forward.forEach((p, k) =>
          expect(p.rows.map((r) => r.id).sort()).toEqual(inOrder.slice(k * 25, (k + 1) * 25).sort()),
        );
        expect(ids.length).toBe(want.length);
        // Backwards from the last page gives the same pages.
        expect(backward.map((p) => p.rows.map((r) => r.id))).toEqual(
          forward.slice(0, -1).map((p) => p.rows.map((r) => r.id)),
        );
        for (const p of forward) {
          const shown = p.rows.map((r) => [r.rank!, Date.parse(r.receivedAt)] as const);
          if (sort === "relevance") {
            // Exact first, then phonetic, then typos; newest first within each.
            const sorted = [...shown].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
            expect(shown).toEqual(sorted);
          } else
            expect(shown.map((s) => s[1])).toEqual(
              shown.map((s) => s[1]).sort((a, b) => (dir === "desc" ? b - a : a - b)),
            );
        }
      }
    });

  it("shows the exact script first on a page", async () => {
    const { rows } = await listQueue(parseQueueParams({ view: "all", station, q: "शराब", size: "25" }), ctx);
    const exact = rows.filter((r) => r.rank === 3);
    expect(exact.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.rank === 2)).toBe(true);
    expect(rows.slice(0, exact.length)).toEqual(exact);
    expect(exact.every((r) => r.preview.includes("शराब"))).toBe(true);
  });

  it("keeps, of rows asked for by id (live updates), those the search matches, with their rank", async () => {
    const all = await listQueue(parseQueueParams({ view: "all", station, size: "100" }), ctx);
    const ids = all.rows.map((r) => r.id);
    const got = await queueRowsById(parseQueueParams({ view: "all", station, q: "sharab" }), ctx, ids);
    expect(got.map((r) => r.id).sort()).toEqual((await expected("sharab", Prisma.sql`TRUE`)).sort());
    expect(got.length).toBeLessThan(ids.length);
    expect(got.every((r) => r.rank! >= 1 && r.marks!.length > 0)).toBe(true);
  });
});
