// Who looked at which tip is audited, once per viewing session rather than once per render: the
// open tip page re-renders on every live update (a new message, a colleague's note), which would
// otherwise bury the trail under identical rows. A view is recorded when this officer has no
// `tip.view` of this tip in the last VIEW_SESSION_MS; media views and downloads are always recorded.
import "server-only";
import { auditNow } from "../audit";
import { db } from "../db";
import type { Actor } from "../auth/guard";

export const VIEW_SESSION_MS = 10 * 60_000;

export async function auditTipView(actor: Actor, tip: { id: string; ref: string }) {
  const recent = await db.auditLog.findFirst({
    where: { tipId: tip.id, action: "tip.view", actorId: actor.id, at: { gt: new Date(Date.now() - VIEW_SESSION_MS) } },
    select: { id: true },
  });
  if (recent) return;
  await auditNow({
    actorId: actor.id,
    actorRole: actor.role,
    action: "tip.view",
    targetType: "tip",
    targetId: tip.id,
    tipId: tip.id,
    detail: { ref: tip.ref },
    ip: actor.ip,
  });
}
