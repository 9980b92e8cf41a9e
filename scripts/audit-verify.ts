// `npm run audit:verify`: walks the audit trail in id order on the configured database
// (DATABASE_URL, else the embedded PGlite under DATA_DIR — stop the server first, only one
// process may open it) and recomputes every row's hash from its fields and the previous row's
// hash. Exit 0 when the chain is intact; exit 1 naming the first broken row otherwise.
// Note: a chain cannot show that rows were cut off its end; compare the row count with an
// exported copy (or the last hash noted in a report) for that.
import { openEngine, type Raw } from "../lib/db/engine";
import { auditHash, GENESIS } from "../lib/audit-hash";

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
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; brokenId: string; reason: "prevHash" | "hash" };

const BATCH = 1000;

export async function verifyAuditChain(raw: Raw, batchSize = BATCH): Promise<VerifyResult> {
  let prev = GENESIS;
  let after = "0";
  let rows = 0;
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
      if (auditHash({ ...row, at, detail }) !== row.hash) return { ok: false, rows, brokenId: id, reason: "hash" };
      prev = row.hash;
      after = id;
    }
    if (batch.length < batchSize) return { ok: true, rows, lastHash: prev };
  }
}

async function main() {
  // Read through lib/env.ts (the one reader of process.env); only the database settings matter here.
  const { env } = await import("../lib/env");
  const e = env();
  const engine = openEngine({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR });
  try {
    const result = await verifyAuditChain(engine.raw);
    if (result.ok) {
      console.log(`audit chain intact: ${result.rows} rows, last hash ${result.lastHash}`);
      return 0;
    }
    const why = result.reason === "prevHash" ? "does not point at the previous row's hash (a row before it was removed or changed)" : "does not match its own contents (the row was edited)";
    console.error(`audit chain BROKEN at row id ${result.brokenId}: its hash ${why}. Rows checked: ${result.rows}.`);
    return 1;
  } finally {
    await engine.raw.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`audit:verify failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(2);
    },
  );
}
