// How big each reliability scenario runs: `npm test` (small enough for CI on two shared cores) and
// `npm run bench -- reliability` (the sizes). docs/decisions/0160-reliability-suite.md.
export const SIZES = {
  test: {
    redeliveries: { postgres: 3000, pglite: 800 },
    crash: { postgres: { valid: 1500, kills: 1 }, pglite: { valid: 500, kills: 1 } },
    outage: { cutMs: 10_000, rate: 25, beforeMs: 3_000, afterMs: 8_000 },
    fuzz: { runs: 3000 },
    fanOut: { streams: 300, tips: 50 },
    cluster: { valid: 600, streams: 40, photos: 12 },
  },
  bench: {
    redeliveries: { postgres: 10_000, pglite: 3000 },
    crash: { postgres: { valid: 6000, kills: 3 }, pglite: { valid: 2000, kills: 2 } },
    outage: { cutMs: 10_000, rate: 40, beforeMs: 5_000, afterMs: 15_000 },
    fuzz: { runs: 100_000 },
    fanOut: { streams: 1000, tips: 100 },
    cluster: { valid: 5000, streams: 300, photos: 60 },
  },
};

export type Sizes = (typeof SIZES)["test"];

/** The sizes of this run: RELIABILITY_SIZES=bench picks the larger ones. */
export function sizes(): Sizes {
  return process.env.RELIABILITY_SIZES === "bench" ? SIZES.bench : SIZES.test;
}
