// The audit chain check (ADR 0015): walks the trail in id order, recomputes every row's HMAC under
// AUDIT_KEY from its fields and the previous row's hash, and checks the chain against the signed
// checkpoints. Used by `npm run audit:verify` (scripts/audit-verify.ts) and the tests.
import type { Raw } from "./db/engine";
import { auditHash, GENESIS, legacyAuditHash, REANCHOR_ACTION } from "./audit-hash";
import type { StoredCheckpoint } from "./audit-checkpoint";

type Row = {
  id: string | number | bigint;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  tipId: string | null;
  detail: unknown;
  ip: string | null;
  prevHash: string;
  hash: string;
};

export type VerifyResult =
  | { ok: true; rows: number; lastHash: string; lastId: string | null; checkpoints: number }
  | { ok: false; rows: number; brokenId: string; reason: "prevHash" | "hash" | "unanchored" | "checkpoint" }
  | {
      ok: false;
      rows: number;
      reason: "truncated" | "forgedCheckpoint" | "notKeyed";
      checkpoint?: StoredCheckpoint;
      lastId: string | null;
    };

const BATCH = 1000;

export async function verifyAuditChain(
  raw: Raw,
  opts: { key: string; checkpoints?: StoredCheckpoint[]; batchSize?: number },
): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? BATCH;
  const checkpoints = opts.checkpoints ?? [];
  const forged = checkpoints.find((c) => !c.valid);
  if (forged) return { ok: false, rows: 0, reason: "forgedCheckpoint", checkpoint: forged, lastId: null };
  const expected = new Map(checkpoints.map((c) => [c.lastId, c.lastHash]));
  let prev = GENESIS;
  let after = "0";
  let rows = 0;
  // Rows before a re-anchor may carry the old unkeyed hash; the first keyed row must be row one or
  // the `audit.reanchor` row, and from there on every row must be keyed.
  let keyed = false;
  for (;;) {
    const batch = await raw.query<Row>(
      `SELECT "id"::text AS "id", "at", "actorId"::text AS "actorId", "actorRole", "action", "targetType", "targetId",
              "tipId"::text AS "tipId", "detail", "ip", "prevHash", "hash"
         FROM "AuditLog" WHERE "AuditLog"."id" > $1::bigint ORDER BY "AuditLog"."id" ASC LIMIT ${Math.max(1, Math.floor(batchSize))}`,
      [after],
    );
    for (const row of batch) {
      rows += 1;
      const id = String(row.id);
      // A deleted or reordered row shows up as the next row pointing at a hash that is not its predecessor's.
      if (row.prevHash !== prev) return { ok: false, rows, brokenId: id, reason: "prevHash" };
      const at = row.at instanceof Date ? row.at : new Date(row.at);
      const detail = typeof row.detail === "string" ? JSON.parse(row.detail) : row.detail;
      const fields = { ...row, at, detail };
      if (auditHash(fields, opts.key) === row.hash) {
        if (!keyed && rows > 1 && row.action !== REANCHOR_ACTION)
          return { ok: false, rows, brokenId: id, reason: "unanchored" };
        keyed = true;
      } else if (keyed || legacyAuditHash(fields) !== row.hash) {
        return { ok: false, rows, brokenId: id, reason: "hash" };
      }
      if (expected.has(id) && expected.get(id) !== row.hash)
        return { ok: false, rows, brokenId: id, reason: "checkpoint" };
      prev = row.hash;
      after = id;
    }
    if (batch.length < batchSize) break;
  }
  const lastId = rows ? after : null;
  // A legacy chain recomputed without the key has no keyed row at its end.
  if (rows && !keyed) return { ok: false, rows, reason: "notKeyed", lastId };
  // Rows cut off the end: a checkpoint names a row the chain no longer reaches.
  const beyond = checkpoints.filter((c) => BigInt(c.lastId) > BigInt(lastId ?? "0")).at(-1);
  if (beyond) return { ok: false, rows, reason: "truncated", checkpoint: beyond, lastId };
  return { ok: true, rows, lastHash: prev, lastId, checkpoints: checkpoints.length };
}

export function describe(result: VerifyResult): string {
  if (result.ok)
    return `audit chain intact: ${result.rows} rows, last id ${result.lastId ?? "-"}, last hash ${result.lastHash}; ${result.checkpoints} checkpoint(s) matched.`;
  switch (result.reason) {
    case "prevHash":
      return `audit chain BROKEN at row id ${result.brokenId}: its link does not point at the previous row's hash (a row before it was removed or changed). Rows checked: ${result.rows}.`;
    case "hash":
      return `audit chain BROKEN at row id ${result.brokenId}: its hash does not match its own contents under AUDIT_KEY (the row was edited, or the chain recomputed without the key). Rows checked: ${result.rows}.`;
    case "unanchored":
      return `audit chain BROKEN at row id ${result.brokenId}: a keyed row follows unkeyed rows without an ${REANCHOR_ACTION} row. Rows checked: ${result.rows}.`;
    case "checkpoint":
      return `audit chain BROKEN at row id ${result.brokenId}: its hash differs from the one a signed checkpoint recorded for it.`;
    case "truncated":
      return `audit chain TRUNCATED: checkpoint ${result.checkpoint?.file} (${result.checkpoint?.at}) records row id ${result.checkpoint?.lastId}, but the trail ends at row id ${result.lastId ?? "- (empty)"}.`;
    case "forgedCheckpoint":
      return `audit checkpoint ${result.checkpoint?.file} has a bad signature under AUDIT_KEY (forged or damaged).`;
    case "notKeyed":
      return `audit chain NOT ANCHORED: no row from row id 1 to ${result.lastId} carries a hash under AUDIT_KEY (start the app once to re-anchor, or the chain was recomputed without the key).`;
  }
}
