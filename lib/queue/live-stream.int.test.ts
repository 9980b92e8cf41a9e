// The live stream outlives the request that checked the session: it must end by itself when the
// user is disabled or moved to another station, and when it is older than the session lifetime.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { streamLease, type Actor } from "../auth/guard";
import { actorOf, makeStation, makeTip, makeUser } from "../testing/factories";
import { liveCursor, publish } from "../live/bus";
import { queueStream } from "./live-stream";

/** Reads the stream until it ends (true) or `ms` pass (false). */
async function endsWithin(stream: ReadableStream<Uint8Array>, ms: number): Promise<boolean> {
  const reader = stream.getReader();
  const timeout = new Promise<false>((r) => setTimeout(() => r(false), ms));
  const drained = (async () => {
    for (;;) if ((await reader.read()).done) return true as const;
  })();
  const ended = await Promise.race([drained, timeout]);
  if (!ended) await reader.cancel();
  return ended;
}

async function actorFor(data: Parameters<typeof makeUser>[0] = {}): Promise<Actor> {
  const u = await makeUser(data);
  return actorOf(u);
}

const open = (actor: Actor, lifetimeMs = 60_000, cursor: string | null = null) =>
  queueStream(actor, {
    cursor,
    signal: new AbortController().signal,
    lease: streamLease(actor, "queue:read", lifetimeMs),
    heartbeatMs: 100,
  });

/** Reads the stream's text until `done(text)` holds, then cancels it. */
async function readUntil(
  stream: ReadableStream<Uint8Array>,
  done: (text: string) => boolean,
  ms = 5000,
): Promise<string> {
  const reader = stream.getReader();
  const dec = new TextDecoder();
  let text = "";
  const end = Date.now() + ms;
  while (!done(text) && Date.now() < end) {
    const r = await Promise.race([
      reader.read(),
      new Promise<null>((res) => setTimeout(() => res(null), end - Date.now())),
    ]);
    if (!r || r.done) break;
    text += dec.decode(r.value);
  }
  await reader.cancel();
  return text;
}

describe("live stream", () => {
  it("starts from the page's cursor: events committed before it connected are delivered first, with the cursor as their id", async () => {
    const actor = await actorFor();
    const cursor = await liveCursor();
    const tipId = crypto.randomUUID();
    await db.$transaction((tx) => publish(tx, { type: "tip.created", tipId, ref: "EM-2026-777777" }));
    const text = await readUntil(open(actor, 60_000, cursor), (t) => t.includes("event: ready"));
    const frames = text.split("\n\n");
    const tip = frames.findIndex((f) => f.includes(tipId));
    expect(tip).toBeGreaterThanOrEqual(0);
    expect(tip).toBeLessThan(frames.findIndex((f) => f.includes("event: ready")));
    expect(frames[tip]).toMatch(/^id: \d+:\d+:/m);
  });

  it("forwards to a station-bound officer only the events of their station's tips", async () => {
    const station = await makeStation();
    const actor = await actorFor({ stationId: station.id });
    const mine = await makeTip({ stationId: station.id });
    const other = await makeTip({ stationId: (await makeStation()).id });
    const cursor = await liveCursor();
    await db.$transaction(async (tx) => {
      await publish(tx, { type: "tip.updated", tipId: other.id, ref: other.ref });
      await publish(tx, { type: "tip.updated", tipId: mine.id, ref: mine.ref });
    });
    const text = await readUntil(open(actor, 60_000, cursor), (t) => t.includes("event: ready"));
    expect(text).toContain(mine.id);
    expect(text).not.toContain(other.id);
  });

  it("stays open while the user may read the queue", async () => {
    expect(await endsWithin(open(await actorFor()), 600)).toBe(false);
  });

  it("ends at the next heartbeat once the user is disabled", async () => {
    const actor = await actorFor();
    const stream = open(actor);
    await db.user.update({ where: { id: actor.id }, data: { active: false } });
    expect(await endsWithin(stream, 2000)).toBe(true);
  });

  it("ends when the user's station changes (their scope would be stale)", async () => {
    const actor = await actorFor({ stationId: (await makeStation()).id });
    const stream = open(actor);
    await db.user.update({ where: { id: actor.id }, data: { stationId: (await makeStation()).id } });
    expect(await endsWithin(stream, 2000)).toBe(true);
  });

  it("ends after the session lifetime, so the reconnect is authenticated afresh", async () => {
    expect(await endsWithin(open(await actorFor(), 250), 2000)).toBe(true);
  });
});
