// The must-show search corpus (ADR 0700): 200+ messages in Devanagari, Hinglish and English, 40+
// queries with their expected matches, run through the queue's one search path on this engine.
// Prints recall and precision; recall ≥ 0.9, precision ≥ 0.8; every listed spelling pair found both
// ways. The corpus lives in its own station, so other tests' rows never count.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { makeStation, makeSupervisorContext, makeTip } from "../testing/factories";
import { listQueue } from "../queue/list-queue";
import { parseQueueParams } from "../queue/params";
import type { QueryContext } from "../queue/conditions";
import { buildCorpus, buildQueries, SPELLING_PAIRS, SUBJECTS, type CorpusMessage } from "./testing/corpus";

const corpus = buildCorpus();
const queries = buildQueries();
let ctx: QueryContext;
let station: string;
const tipOf = new Map<string, CorpusMessage>(); // ref → message

async function search(q: string): Promise<{ ref: string; rank: number }[]> {
  const out: { ref: string; rank: number }[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listQueue(
      parseQueueParams({ view: "all", station, q, size: "100", ...(after ? { after } : {}) }),
      ctx,
    );
    out.push(...page.rows.map((r) => ({ ref: r.ref, rank: r.rank ?? 0 })));
    if (!page.next) return out;
    after = page.next;
  }
}

describe("search corpus", () => {
  beforeAll(async () => {
    station = (await makeStation()).id;
    ctx = await makeSupervisorContext();
    for (const m of corpus) tipOf.set((await makeTip({ text: m.text, stationId: station })).ref, m);
  }, 300_000);

  it("has at least 200 messages in three scripts/languages and 40 queries", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(queries.length).toBeGreaterThanOrEqual(40);
    expect(corpus.some((m) => /[\u0900-\u097F]/.test(m.text))).toBe(true);
    expect(corpus.some((m) => /\bmein\b/.test(m.text))).toBe(true);
    expect(corpus.some((m) => /\bselling\b/.test(m.text))).toBe(true);
  });

  it("finds what it should (recall ≥ 0.9) and little else (precision ≥ 0.8)", async () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const lines: string[] = [];
    for (const q of queries) {
      const got = (await search(q.q)).map((r) => r.ref);
      const expected = [...tipOf].filter(([, m]) => q.all.every((s) => m.subjects.includes(s))).map(([ref]) => ref);
      const hit = got.filter((r) => expected.includes(r)).length;
      tp += hit;
      fp += got.length - hit;
      fn += expected.length - hit;
      lines.push(
        `${q.kind.padEnd(8)} ${q.q.padEnd(16)} expected ${String(expected.length).padStart(3)} found ${String(got.length).padStart(3)} correct ${String(hit).padStart(3)}`,
      );
    }
    const recall = tp / (tp + fn);
    const precision = tp / (tp + fp);
    console.log(
      `${lines.join("\n")}\nsearch corpus: ${corpus.length} messages, ${queries.length} queries — recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.8);
  }, 300_000);

  it("finds every listed spelling pair both ways", async () => {
    for (const [subject, a, b] of SPELLING_PAIRS) {
      for (const [query, written] of [
        [a, b],
        [b, a],
      ]) {
        const writtenThatWay = [...tipOf]
          .filter(
            ([, m]) =>
              m.subjects.includes(subject) &&
              m.text
                .toLowerCase()
                .split(/[^\p{L}\p{M}]+/u)
                .includes(written),
          )
          .map(([ref]) => ref);
        expect(writtenThatWay.length, `corpus has "${written}"`).toBeGreaterThan(0);
        const got = new Set((await search(query)).map((r) => r.ref));
        for (const ref of writtenThatWay)
          expect(got.has(ref), `"${query}" finds ${ref} written "${written}"`).toBe(true);
      }
    }
    expect(Object.keys(SUBJECTS).length).toBeGreaterThan(10);
  }, 300_000);

  it("ranks the exact script first, then phonetic, then typos", async () => {
    const rows = await search("शराब");
    const ranks = rows.map((r) => r.rank);
    expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
    expect(rows.filter((r) => r.rank === 3).every((r) => tipOf.get(r.ref)!.text.includes("शराब"))).toBe(true);
    expect(rows.some((r) => r.rank === 2)).toBe(true);
    const typo = await search("pistl");
    expect(typo.length).toBeGreaterThan(0);
    expect(typo.every((r) => r.rank === 1)).toBe(true);
  }, 300_000);

  it("refuses a one-letter query instead of searching", async () => {
    const { parseSearch } = await import("./query");
    expect(parseSearch(" a ").ok).toBe(false);
    expect(parseSearch("").ok).toBe(false);
    expect(parseSearch("दा").ok).toBe(true);
    // The queue then filters nothing by text (and the page says why).
    const all = await db.tip.count({ where: { stationId: station } });
    expect((await listQueue(parseQueueParams({ view: "all", station, q: "a", size: "100" }), ctx)).rows.length).toBe(
      Math.min(100, all),
    );
  });
});
