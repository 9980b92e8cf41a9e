// Accounts unused for INACTIVE_DISABLE_DAYS (default 90; CJIS 5.5.1-style) are disabled by the daily
// job: no sign-in since then (or since creation, if never), audited per account, sessions ended. The
// last active admin is never disabled this way, so the desk cannot lose its only administrator.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { audit } from "../audit";
import { DAY_MS } from "../time/ist";

export async function disableInactiveUsers(now = new Date()): Promise<string[]> {
  const days = env().INACTIVE_DISABLE_DAYS;
  if (!days) return [];
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  return db.$transaction(async (tx) => {
    const stale = await tx.user.findMany({
      where: {
        active: true,
        demo: false,
        OR: [{ lastSignInAt: { lt: cutoff } }, { lastSignInAt: null, createdAt: { lt: cutoff } }],
      },
      select: { id: true, role: true, username: true },
    });
    const activeAdmins = await tx.user.count({ where: { active: true, role: "ADMIN" } });
    const staleAdmins = stale.filter((u) => u.role === "ADMIN");
    const spare = activeAdmins - staleAdmins.length === 0 ? staleAdmins[0]?.id : undefined;
    const disabled: string[] = [];
    for (const u of stale) {
      if (u.id === spare) continue;
      await tx.user.update({
        where: { id: u.id },
        data: { active: false, sessionVersion: { increment: 1 } },
        select: { id: true },
      });
      await audit(tx, { action: "user.inactive.disabled", targetType: "user", targetId: u.id, detail: { days } });
      disabled.push(u.username);
    }
    return disabled;
  });
}
