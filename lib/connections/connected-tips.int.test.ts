// Connected tips: other tips sharing an entity, a place or a watch item, scoped like every tip read.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeStation, makeTip, makeUser } from "../testing/factories";
import { indexTipEntities } from "../entities/index-tip-entities";
import { connectedTips } from "./connected-tips";

const viewer = (u: {
  id: string;
  role: "OFFICER" | "SUPERVISOR" | "ADMIN";
  stationId: string | null;
  districtWide: boolean;
}) => ({ id: u.id, role: u.role, stationId: u.stationId, districtWide: u.districtWide });

describe("connected tips", () => {
  it("lists tips sharing a vehicle, a place or a watch item, most shared first, within the viewer's scope", async () => {
    const s1 = await makeStation();
    const s2 = await makeStation();
    const n = String(crypto.randomInt(1000, 9999));
    const plate = `UP70ZX${n}`;
    const upi = `don${crypto.randomBytes(3).toString("hex")}@ybl`;
    const mk = async (text: string, stationId: string) => {
      const t = await makeTip({ text, stationId });
      await db.$transaction((tx) => indexTipEntities(tx, t.id, text));
      return t;
    };
    const a = await mk(`gaadi UP 70 ZX ${n} Jhunsi mein, paisa ${upi}`, s1.id);
    const b = await mk(`UP70ZX${n} phir dikhi, ${upi} pe paisa`, s1.id);
    const c = await mk(`झूँसी में ${plate} वाली गाड़ी`, s2.id);
    const d = await mk("kuch aur hi baat", s1.id);
    const sup = await makeUser({ role: "SUPERVISOR" });
    const watch = await db.watchItem.create({
      data: {
        kind: "PHRASE",
        value: `w${n}`,
        normalised: `w${n}${crypto.randomUUID()}`,
        keys: [`w${n}`],
        ownerId: sup.id,
        shared: true,
      },
    });
    await db.tipWatchHit.createMany({
      data: [
        { tipId: a.id, watchId: watch.id },
        { tipId: d.id, watchId: watch.id },
      ],
    });

    const all = await connectedTips(viewer(sup), a.id);
    // b and c share two items each (the newer first), d one.
    expect(all.map((x) => x.ref)).toEqual([c.ref, b.ref, d.ref]);
    expect(all[0].shared).toEqual([
      { kind: "place", value: "Jhunsi" },
      { kind: "vehicle", value: plate },
    ]);
    expect(all[1].shared).toEqual([
      { kind: "upi", value: upi },
      { kind: "vehicle", value: plate },
    ]);
    expect(all[2].shared).toEqual([{ kind: "watch", value: `w${n}` }]);

    const officer = await makeUser({ role: "OFFICER", stationId: s1.id, districtWide: false });
    expect((await connectedTips(viewer(officer), a.id)).map((x) => x.ref)).toEqual([b.ref, d.ref]);
    expect(await connectedTips(viewer(sup), (await makeTip({ text: "alone" })).id)).toEqual([]);
  });
});
