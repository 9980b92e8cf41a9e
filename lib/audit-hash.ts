// The audit chain's hash, without `server-only`: shared by lib/audit.ts (the writer) and
// scripts/audit-verify.ts (a plain Node script that recomputes every row).
import crypto from "node:crypto";

export const GENESIS = "0".repeat(64);

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
export function auditHash(row: HashableAuditRow): string {
  const canonical = JSON.stringify([
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
  return crypto.createHash("sha256").update(canonical).digest("hex");
}

/** JSON with sorted keys: Postgres jsonb does not keep key order. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, stable((value as Record<string, unknown>)[k])]));
  return value;
}
