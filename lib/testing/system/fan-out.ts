// Fan-out: hundreds of live queue streams (/api/live, signed in as officers) opened from the cursor
// a queue page rendered with, while new tips arrive — some before a stream connects, most after.
// Every stream must be told about every new tip (a `tip` event of type tip.created), by catch-up
// from its cursor or live.
import { pool } from "./burst";
import { envelope, inbound } from "../../ingest/testing/meta-fixtures";
import { metaPost, PHONE_NUMBER_ID } from "./deliveries";
import { openDatabase } from "./database";
import type { Outcome } from "./outcome";
import { signInCookie } from "./sign-in";
import { openLiveStream, renderedCursor, type LiveStream } from "./sse-client";
import { waitFor } from "./stack";
import { launch } from "./target";

export type FanOutOptions = { streams: number; tips: number; sessions?: number };

const OFFICERS = [
  ["officer", "mukhbir-officer"],
  ["officer2", "mukhbir-officer2"],
] as const;

export async function runFanOut(o: FanOutOptions): Promise<Outcome> {
  const t = await launch("fan-out", "postgres");
  const streams: LiveStream[] = [];
  try {
    const url = t.server.url;
    const cookies = await Promise.all(
      Array.from({ length: o.sessions ?? 4 }, (_, i) =>
        signInCookie(url, OFFICERS[i % 2][0], OFFICERS[i % 2][1], `10.13.0.${i + 1}`),
      ),
    );
    const page = await fetch(`${url}/queue`, { headers: { cookie: cookies[0] } });
    const cursor = renderedCursor(await page.text());
    if (!cursor) throw new Error(`no live cursor in the queue page (HTTP ${page.status})`);
    // One WhatsApp text from a new sender per tip.
    const run = Date.now() % 1e6;
    const tips = Array.from({ length: o.tips }, (_, i) => {
      const from = `9197${String(run).padStart(6, "0")}${String(i).padStart(2, "0")}`;
      return metaPost(
        JSON.stringify(
          envelope(
            [inbound({ wa_id: from }, [{ type: "text", text: { body: `fan-out tip ${i}: gaanja bik raha hai` } }])],
            PHONE_NUMBER_ID,
          ),
        ),
      );
    });
    let lastPost = 0;
    const post = async () => {
      await pool(tips, 2, async (r) => {
        const res = await fetch(url + r.path, { method: r.method, headers: r.headers, body: r.body });
        if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
      });
      lastPost = performance.now();
    };
    // Half the streams are open before the first tip; the rest connect while tips arrive.
    let posting: Promise<void> | undefined;
    for (let i = 0; i < o.streams; i++) {
      if (i === Math.floor(o.streams / 2)) posting = post();
      streams.push(openLiveStream(`${url}/api/live?cursor=${encodeURIComponent(cursor)}`, cookies[i % cookies.length]));
      if (i % 25 === 24) await new Promise((r) => setTimeout(r, 50));
    }
    await posting;
    const db = await openDatabase({ databaseUrl: t.databaseUrl });
    const expected = (await db.query<{ id: string }>(`SELECT "id" FROM "Tip"`).finally(() => db.close())).map(
      (r) => r.id,
    );
    const complete = (s: LiveStream) => expected.every((id) => s.created.has(id));
    const all = await waitFor(
      "every stream to receive every tip",
      async () => streams.every((s) => complete(s) || s.ended),
      120_000,
    ).then(
      () => true,
      () => false,
    );
    const settled = performance.now();
    const delivered = streams.reduce((n, s) => n + expected.filter((id) => s.created.has(id)).length, 0);
    const want = streams.length * expected.length;
    const violations: string[] = [];
    const incomplete = streams.filter((s) => !complete(s));
    if (expected.length !== o.tips) violations.push(`${expected.length} tips stored for ${o.tips} posted`);
    if (incomplete.length)
      violations.push(
        `${incomplete.length} of ${streams.length} streams missed tips (${[...new Set(incomplete.map((s) => s.ended ?? `${expected.length - expected.filter((id) => s.created.has(id)).length} missing`))].slice(0, 5).join("; ")})`,
      );
    if (!all) violations.push("timed out waiting for the streams");
    // Every stream starts from a cursor the server can serve: a resync (refetch everything) is never due here.
    const resyncs = streams.filter((s) => s.resyncs);
    if (resyncs.length) violations.push(`${resyncs.length} streams were told to resync`);
    return {
      violations,
      figures: {
        streams: streams.length,
        "signed-in sessions": cookies.length,
        "new tips": expected.length,
        "tip events expected": want,
        "tip events delivered": delivered,
        "events delivered ratio": want ? (delivered / want).toFixed(4) : "n/a",
        "streams complete": streams.length - incomplete.length,
        "streams ended early": streams.filter((s) => s.ended).length,
        resyncs: streams.reduce((n, s) => n + s.resyncs, 0),
        "last tip posted → all streams complete (ms)": Math.round(settled - lastPost),
      },
    };
  } finally {
    for (const s of streams) s.close();
    await t.close();
  }
}
