// The audit chain's keyed tail (ADR 0015): at start-up, a chain whose last row still carries the old
// unkeyed hash is re-anchored once by a keyed `audit.reanchor` row that records where the legacy
// part ends; and the hourly job (or `npm run audit:checkpoint`) writes a signed checkpoint file.
import "server-only";
import { db } from "./db";
import { env } from "./env";
import { audit, AUDIT_LOCK_KEY } from "./audit";
import { auditHash, legacyAuditHash, REANCHOR_ACTION } from "./audit-hash";
import { checkpointDir, writeCheckpoint } from "./audit-checkpoint";
import { log } from "./log";

type LastRow = {
  id: bigint;
  hash: string;
  prevHash: string;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  tipId: string | null;
  detail: unknown;
  ip: string | null;
};

/** Re-anchors a legacy chain; returns what it found. Idempotent: a keyed tail is left alone. */
export async function reanchorAuditChain(): Promise<"empty" | "keyed" | "reanchored" | "unverifiable"> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
    const last = (await tx.auditLog.findFirst({ orderBy: { id: "desc" } })) as LastRow | null;
    if (!last) return "empty";
    if (auditHash(last, env().AUDIT_KEY) === last.hash) return "keyed";
    if (legacyAuditHash(last) !== last.hash) {
      log.error(
        "audit trail: its last row matches neither AUDIT_KEY nor the legacy hash; not re-anchoring (wrong AUDIT_KEY, or tampering: run npm run audit:verify)",
        { id: String(last.id) },
      );
      return "unverifiable";
    }
    const legacyRows = await tx.auditLog.count();
    await audit(tx, {
      action: REANCHOR_ACTION,
      targetType: "audit",
      targetId: String(last.id),
      detail: { legacyRows, legacyLastId: String(last.id), legacyLastHash: last.hash },
    });
    log.info("audit trail re-anchored under AUDIT_KEY", { legacyRows });
    return "reanchored";
  });
}

/** Writes a signed checkpoint of the chain's last row; null when the trail is empty. */
export async function writeAuditCheckpoint(dir = checkpointDir(env().DATA_DIR)): Promise<string | null> {
  const last = await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  if (!last) return null;
  return writeCheckpoint(
    dir,
    { lastId: String(last.id), lastHash: last.hash, at: new Date().toISOString() },
    env().AUDIT_KEY,
  );
}
