import { describe, expect, it } from "vitest";
import { db } from "../db";
import type { Actor } from "../auth/guard";
import { actorOf, makeTip, makeUser } from "../testing/factories";
import { auditTipView } from "./audit-tip-view";

async function actorFor(): Promise<Actor> {
  const u = await makeUser();
  return actorOf(u);
}

const views = (tipId: string, actorId?: string) =>
  db.auditLog.count({ where: { tipId, action: "tip.view", ...(actorId ? { actorId } : {}) } });

describe("tip view audit", () => {
  it("records one view per officer per viewing session, not one per render", async () => {
    const tip = await makeTip();
    const a = await actorFor();
    const b = await actorFor();
    for (let i = 0; i < 5; i++) await auditTipView(a, tip);
    expect(await views(tip.id, a.id)).toBe(1);
    await auditTipView(b, tip);
    expect(await views(tip.id, b.id)).toBe(1);
    const row = await db.auditLog.findFirstOrThrow({ where: { tipId: tip.id, actorId: a.id } });
    expect(row).toMatchObject({
      actorRole: "OFFICER",
      targetType: "tip",
      targetId: tip.id,
      detail: { ref: tip.ref },
      ip: "127.0.0.1",
    });
  });
});
