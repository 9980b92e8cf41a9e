// Every tip read or write starts here: the ref AND the viewer's station scope in one `where`, so a
// tip of another station is indistinguishable from one that does not exist.
import "server-only";
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { tipScope, type Viewer } from "../auth/scope";

const base = {
  id: true,
  ref: true,
  status: true,
  stationId: true,
  assigneeId: true,
  informantId: true,
  firstResponseAt: true,
} as const;
export type ScopedTip = {
  id: string;
  ref: string;
  status: string;
  stationId: string | null;
  assigneeId: string | null;
  informantId: string;
  firstResponseAt: Date | null;
};

export async function findScopedTip(client: Db | Tx, viewer: Viewer, ref: string): Promise<ScopedTip> {
  const tip = await client.tip.findFirst({ where: { ref, ...tipScope(viewer) }, select: base });
  if (!tip) throw new AppError("notFound");
  return tip;
}

/** Rows that lock the tip for the rest of the transaction, so two concurrent changes serialise. */
export async function lockScopedTip(tx: Tx, viewer: Viewer, ref: string): Promise<ScopedTip> {
  const tip = await findScopedTip(tx, viewer, ref);
  await tx.$executeRaw`SELECT 1 FROM "Tip" WHERE "id" = ${tip.id}::uuid FOR UPDATE`;
  // Re-read after the lock: a change committed while we waited is now visible.
  return findScopedTip(tx, viewer, ref);
}
