// Search terms carry their tip's receivedAt (ADR 0710): written so by every writer (the factory,
// which uses ingest's add_search_terms; a merge; the backfill) and kept so if the tip's time moved.
import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { db } from "../db";
import { makeTip, makeUser } from "../testing/factories";
import { mergeTip } from "../tips/merge-tip";

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const word = () => `zq${crypto.randomBytes(3).toString("hex").replace(/\d/g, "x")}`;
const termTimes = async (tipId: string) =>
  (
    await db.$queryRaw<
      { key: string; at: Date }[]
    >`SELECT "key", received_at AS at FROM mukhbir_internal.search_term WHERE tip_id = ${tipId}::uuid ORDER BY "key"`
  ).map((r) => [r.key, r.at.toISOString()]);

describe("search terms' receivedAt", () => {
  it("is the tip's on ingest, after a merge (the survivor's), and follows a changed time", async () => {
    const [a, b] = [word(), word()];
    const survivor = await makeTip({ text: `${a} sharab`, receivedAt: minutesAgo(90) });
    const dup = await makeTip({ text: `${b} smack`, receivedAt: minutesAgo(30) });
    const at = (t: { receivedAt: Date }) => t.receivedAt.toISOString();
    expect((await termTimes(dup.id)).every(([, t]) => t === at(dup))).toBe(true);

    const me = await makeUser({ role: "SUPERVISOR" });
    await mergeTip({ id: me.id, role: "SUPERVISOR", stationId: null, districtWide: true, ip: "127.0.0.1" }, dup.ref, {
      into: survivor.ref,
    });
    const merged = await termTimes(survivor.id);
    expect(merged.map(([k]) => k)).toEqual(expect.arrayContaining(["smk", "srb"]));
    expect(merged.every(([, t]) => t === at(survivor))).toBe(true);

    const moved = minutesAgo(400);
    await db.tip.update({ where: { id: survivor.id }, data: { receivedAt: moved } });
    expect((await termTimes(survivor.id)).every(([, t]) => t === moved.toISOString())).toBe(true);
  });
});
