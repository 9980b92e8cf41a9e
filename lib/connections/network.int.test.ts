// The network page's two-hop query (ADR 0703): which nodes and edges, the caps, and station scoping
// applied before every cap, so a station-bound officer learns nothing of another station's tips.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeStation, makeTip, makeUser } from "../testing/factories";
import { CAPS, tipNetwork, type Network } from "./network";

type U = { id: string; role: "OFFICER" | "SUPERVISOR" | "ADMIN"; stationId: string | null; districtWide: boolean };
const viewer = (u: U) => ({ id: u.id, role: u.role, stationId: u.stationId, districtWide: u.districtWide });
const uniq = () => crypto.randomBytes(4).toString("hex");

async function tipWith(stationId: string, entities: [string, string][], receivedAt?: Date) {
  const t = await makeTip({ text: "network test", stationId, ...(receivedAt ? { receivedAt } : {}) });
  await db.tipEntity.createMany({ data: entities.map(([kind, value]) => ({ tipId: t.id, kind, value })) });
  return t;
}

const refs = (n: Network, hop?: number) =>
  n.tips
    .filter((t) => hop === undefined || t.hop === hop)
    .map((t) => t.ref)
    .sort();
const ents = (n: Network) => n.entities.map((e) => `${e.hop}:${e.kind}:${e.value}:${e.tips}`).sort();

describe("network around a tip or an entity", () => {
  it("takes two hops from a tip and from an entity, and scopes every node", async () => {
    const [s1, s2] = [await makeStation(), await makeStation()];
    const x = uniq();
    const P: [string, string] = ["vehicle", `UP70NW${x}`];
    const U: [string, string] = ["upi", `net${x}@ybl`];
    const Q: [string, string] = ["mobile", `9${x}00`];
    const a = await tipWith(s1.id, [P, U]);
    const b = await tipWith(s1.id, [P]);
    const c = await tipWith(s2.id, [P, U]);
    const d = await tipWith(s1.id, [U, Q]);
    const e = await tipWith(s2.id, [Q]); // three hops from a: never drawn
    const sup = viewer(await makeUser({ role: "SUPERVISOR" }));
    const off1 = viewer(await makeUser({ role: "OFFICER", stationId: s1.id, districtWide: false }));
    const off2 = viewer(await makeUser({ role: "OFFICER", stationId: s2.id, districtWide: false }));

    const fromA = await tipNetwork(sup, { tip: a.ref });
    expect(refs(fromA, 0)).toEqual([a.ref]);
    expect(refs(fromA, 2)).toEqual([b.ref, c.ref, d.ref].sort());
    expect(ents(fromA)).toEqual([`1:${P.join(":")}:3`, `1:${U.join(":")}:3`].sort());
    expect(fromA.edges).toHaveLength(6);
    expect(fromA.capped).toBe(false);
    expect(refs(fromA)).not.toContain(e.ref);

    // The officer of station 1: c (station 2) is neither a node, an edge nor a count.
    const a1 = await tipNetwork(off1, { tip: a.ref });
    expect(refs(a1)).toEqual([a.ref, b.ref, d.ref].sort());
    expect(ents(a1)).toEqual([`1:${P.join(":")}:2`, `1:${U.join(":")}:2`].sort());
    expect(a1.edges.map((x) => x.ref)).not.toContain(c.ref);
    // Station 2's officer cannot centre on a station-1 tip: "not found".
    await expect(tipNetwork(off2, { tip: a.ref })).rejects.toMatchObject({ code: "notFound" });

    const fromU = await tipNetwork(sup, { kind: U[0], value: U[1] });
    expect(refs(fromU, 1)).toEqual([a.ref, c.ref, d.ref].sort());
    expect(ents(fromU)).toEqual([`0:${U.join(":")}:3`, `2:${P.join(":")}:2`, `2:${Q.join(":")}:1`].sort());
    const u1 = await tipNetwork(off1, { kind: U[0], value: U[1] });
    expect(refs(u1)).toEqual([a.ref, d.ref].sort());
    expect(ents(u1)).toEqual([`0:${U.join(":")}:2`, `2:${P.join(":")}:1`, `2:${Q.join(":")}:1`].sort());
    // Q's other tip (e, station 2) is reached by neither: three hops from U.
    expect(refs(fromU)).not.toContain(e.ref);
    // An entity no visible tip names: empty, not an error.
    expect((await tipNetwork(off2, { kind: "vehicle", value: `UP70ZZ${x}` })).tips).toEqual([]);
  });

  it("caps tips per entity after scoping: the capped flag never counts another station's tips", async () => {
    const [s1, s2] = [await makeStation(), await makeStation()];
    const X: [string, string] = ["vehicle", `UP70CP${uniq()}`];
    const base = Date.now() - 3_600_000;
    const centre = await tipWith(s1.id, [X], new Date(base));
    const own: string[] = [];
    for (let i = 1; i <= CAPS.tipsPerEntity; i++) own.push((await tipWith(s1.id, [X], new Date(base + i * 1000))).ref);
    const newest = await tipWith(s2.id, [X], new Date(base + 60_000));
    const sup = viewer(await makeUser({ role: "ADMIN" }));
    const off1 = viewer(await makeUser({ role: "OFFICER", stationId: s1.id, districtWide: false }));

    const all = await tipNetwork(sup, { tip: centre.ref });
    expect(all.capped).toBe(true);
    expect(refs(all, 2)).toHaveLength(CAPS.tipsPerEntity);
    expect(refs(all, 2)).toContain(newest.ref); // newest first
    expect(refs(all, 2)).not.toContain(own[0]);

    const mine = await tipNetwork(off1, { tip: centre.ref });
    expect(mine.capped).toBe(false);
    expect(refs(mine, 2)).toEqual([...own].sort());

    // From the entity: the tip cap, again counted among visible tips only.
    const fromX = await tipNetwork(off1, { kind: X[0], value: X[1] });
    expect(refs(fromX)).toEqual([centre.ref, ...own].sort());
    expect(fromX.capped).toBe(CAPS.tipsPerEntity + 1 > CAPS.tips);
  });
});
