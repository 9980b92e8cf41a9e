// Ending sessions: every session token carries the user's sessionVersion (ADR 0011); bumping it
// makes every token issued before invalid at its next request, on every device.
import "server-only";
import type { Tx } from "../db";

export async function bumpSessionVersion(tx: Tx, userId: string): Promise<number> {
  const u = await tx.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return u.sessionVersion;
}
