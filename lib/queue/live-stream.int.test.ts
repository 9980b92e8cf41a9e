// The live stream outlives the request that checked the session: it must end by itself when the
// user is disabled or moved to another station, and when it is older than the session lifetime.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { streamLease, type Actor } from "../auth/guard";
import { actorOf, makeStation, makeUser } from "../testing/factories";
import { liveStream } from "./live-stream";

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

const open = (actor: Actor, lifetimeMs = 60_000) => liveStream(actor, new AbortController().signal, streamLease(actor, "queue:read", lifetimeMs), 100);

describe("live stream", () => {
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
