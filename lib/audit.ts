// Append-only, hash-chained audit trail. Each row's hash (an HMAC under AUDIT_KEY, ADR 0015) covers
// its own fields and the previous row's hash, so editing or deleting any row breaks the chain from
// that row on (`npm run audit:verify` names the first broken row). Writers are serialised by an
// advisory lock held to the end of the surrounding transaction, so the chain never forks.
import "server-only";
import { db, type Tx } from "./db";
import { env } from "./env";
import type { Prisma } from "./generated/prisma/client";
import { auditHash, GENESIS, type HashableAuditRow } from "./audit-hash";

export const AUDIT_LOCK_KEY = 4_242_001;
export { GENESIS };

/** What a caller supplies: the hashed fields less the ones `audit` sets itself, with JSON detail. */
export type AuditEntry = Omit<HashableAuditRow, "prevHash" | "at" | "detail"> & {
  detail?: Prisma.InputJsonValue | null;
};

/** Writes one audit row inside the caller's transaction. */
export async function audit(tx: Tx, entry: AuditEntry) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS;
  const at = new Date();
  const hash = auditHash({ ...entry, at, prevHash }, env().AUDIT_KEY);
  await tx.auditLog.create({
    data: { ...entry, detail: entry.detail ?? undefined, at, prevHash, hash },
  });
}

/** Audits an action that has no transaction of its own (a page view, a download). */
export function auditNow(entry: AuditEntry) {
  return db.$transaction((tx) => audit(tx, entry));
}
