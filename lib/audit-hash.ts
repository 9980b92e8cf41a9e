// The audit chain's hash, without `server-only`: shared by lib/audit.ts (the writer) and
// scripts/audit-verify.ts (a plain Node script that recomputes every row). Rows are chained with an
// HMAC-SHA256 under AUDIT_KEY, a key that is not in the database (ADR 0015), so someone who can
// write the table cannot recompute a valid chain. Chains written before that used plain SHA-256;
// they are closed by one keyed `audit.reanchor` row and stay verifiable as a legacy prefix.
import crypto from "node:crypto";

export const GENESIS = "0".repeat(64);
export const REANCHOR_ACTION = "audit.reanchor";

export type HashableAuditRow = {
  prevHash: string;
  at: Date;
  actorId?: string | null;
  actorRole?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  tipId?: string | null;
  detail?: unknown;
  ip?: string | null;
};

/** Canonical form of a row: a fixed field order, so the verifier recomputes the same bytes. */
function canonical(row: HashableAuditRow): string {
  return JSON.stringify([
    row.prevHash,
    row.at.toISOString(),
    row.actorId ?? null,
    row.actorRole ?? null,
    row.action,
    row.targetType ?? null,
    row.targetId ?? null,
    row.tipId ?? null,
    stable(row.detail ?? null),
    row.ip ?? null,
  ]);
}

/** The keyed hash every row written since ADR 0015 carries. */
export function auditHash(row: HashableAuditRow, key: string): string {
  return crypto.createHmac("sha256", key).update(canonical(row)).digest("hex");
}

/** The unkeyed hash of rows written before ADR 0015 (only ever verified, never written). */
export function legacyAuditHash(row: HashableAuditRow): string {
  return crypto.createHash("sha256").update(canonical(row)).digest("hex");
}

/** JSON with sorted keys: Postgres jsonb does not keep key order. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    );
  return value;
}
