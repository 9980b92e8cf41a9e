// `npm run identity:rotate` (docs/decisions/0153-key-and-pepper-rotation.md): moves every stored
// identity to the active key and the active pepper, on a live system, in small batches, resumably.
//  - Key: every ciphertext (an informant's address and name, each identifier's address) is
//    decrypted with its key and encrypted under IDENTITY_ACTIVE_KEY; then the old key can go.
//  - Pepper: every keyed hash (an informant's address hash, each identifier's hash) is recomputed
//    under IDENTITY_PEPPER from the decrypted address; then the old pepper can go from
//    IDENTITY_PREVIOUS_PEPPERS (keep it ~30 days: WhatsApp message ids cannot be rehashed, and
//    redeliveries and statuses of older messages are matched through it meanwhile).
// Each row is changed only if it is still what was read (compare-and-set), so ingest running
// beside it — which writes active-key, active-pepper rows itself — is never overwritten.
// A row whose address retention destroyed has nothing to decrypt: it is counted, not changed.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { activePepperId, decrypt, encrypt, hashAddress } from "./crypto";

export type RotationStatus = {
  activeKey: string;
  activePepper: string;
  /** Rows with a ciphertext under another key. */
  oldKey: { informants: number; identifiers: number };
  /** Rows whose hash was made with another pepper (or before peppers were recorded). */
  oldPepper: { informants: number; identifiers: number };
  /** Of those, rows with no ciphertext to recompute from (retention destroyed it): matched only while their pepper stays configured. */
  unrecoverable: number;
};

export async function rotationStatus(): Promise<RotationStatus> {
  const key = env().IDENTITY_ACTIVE_KEY;
  const pepper = activePepperId();
  const [r] = await db.$queryRaw<Record<string, bigint | number>[]>`SELECT
       (SELECT count(*) FROM "Informant" WHERE "keyId" <> ${key} AND ("addressCipher" IS NOT NULL OR "nameCipher" IS NOT NULL)) AS ik,
       (SELECT count(*) FROM "InformantIdentifier" WHERE "keyId" <> ${key} AND "cipher" IS NOT NULL) AS dk,
       (SELECT count(*) FROM "Informant" WHERE "pepperId" IS DISTINCT FROM ${pepper}) AS ip,
       (SELECT count(*) FROM "InformantIdentifier" WHERE "pepperId" IS DISTINCT FROM ${pepper}) AS dp,
       (SELECT count(*) FROM "Informant" WHERE "pepperId" IS DISTINCT FROM ${pepper} AND "addressCipher" IS NULL)
         + (SELECT count(*) FROM "InformantIdentifier" WHERE "pepperId" IS DISTINCT FROM ${pepper} AND "cipher" IS NULL) AS lost`;
  return {
    activeKey: key,
    activePepper: pepper,
    oldKey: { informants: Number(r.ik), identifiers: Number(r.dk) },
    oldPepper: { informants: Number(r.ip), identifiers: Number(r.dp) },
    unrecoverable: Number(r.lost),
  };
}

export type RotationReport = { reencrypted: number; rehashed: number; skipped: number };

export async function rotateIdentity(
  opts: { batch?: number; onBatch?: (r: RotationReport) => void } = {},
): Promise<RotationReport> {
  const batch = opts.batch ?? 200;
  const report: RotationReport = { reencrypted: 0, rehashed: 0, skipped: 0 };
  const step = async (fn: (after: string) => Promise<string | null>) => {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const next = await fn(after);
      opts.onBatch?.(report);
      if (!next) return;
      after = next;
    }
  };
  await step((after) => reencryptInformants(after, batch, report));
  await step((after) => reencryptIdentifiers(after, batch, report));
  await step((after) => rehashInformants(after, batch, report));
  await rehashIdentifiers(batch, report);
  return report;
}

type InformantRow = { id: string; addressCipher: string | null; nameCipher: string | null; keyId: string };

async function reencryptInformants(after: string, batch: number, report: RotationReport): Promise<string | null> {
  const key = env().IDENTITY_ACTIVE_KEY;
  const rows = await db.$queryRaw<
    InformantRow[]
  >`SELECT "id"::text AS "id", "addressCipher", "nameCipher", "keyId" FROM "Informant"
     WHERE "id" > ${after}::uuid AND "keyId" <> ${key} AND ("addressCipher" IS NOT NULL OR "nameCipher" IS NOT NULL) ORDER BY "id" LIMIT ${batch}::int`;
  for (const r of rows) {
    const fresh = reencrypt([r.addressCipher, r.nameCipher], r.keyId);
    if (!fresh) {
      report.skipped++;
      continue;
    }
    report.reencrypted +=
      await db.$executeRaw`UPDATE "Informant" SET "addressCipher" = ${fresh.ciphers[0]}, "nameCipher" = ${fresh.ciphers[1]}, "keyId" = ${fresh.keyId}
       WHERE "id" = ${r.id}::uuid AND "keyId" = ${r.keyId} AND "addressCipher" IS NOT DISTINCT FROM ${r.addressCipher}::text AND "nameCipher" IS NOT DISTINCT FROM ${r.nameCipher}::text`;
  }
  return rows.length ? rows[rows.length - 1].id : null;
}

async function reencryptIdentifiers(after: string, batch: number, report: RotationReport): Promise<string | null> {
  const key = env().IDENTITY_ACTIVE_KEY;
  const from = after === "00000000-0000-0000-0000-000000000000" ? "" : after;
  const rows = await db.$queryRaw<{ hash: string; cipher: string; keyId: string }[]>`
    SELECT "hash", "cipher", "keyId" FROM "InformantIdentifier" WHERE "hash" > ${from} AND "keyId" <> ${key} AND "cipher" IS NOT NULL ORDER BY "hash" LIMIT ${batch}::int`;
  for (const r of rows) {
    const fresh = reencrypt([r.cipher], r.keyId);
    if (!fresh) {
      report.skipped++;
      continue;
    }
    report.reencrypted +=
      await db.$executeRaw`UPDATE "InformantIdentifier" SET "cipher" = ${fresh.ciphers[0]}, "keyId" = ${fresh.keyId}
      WHERE "hash" = ${r.hash} AND "keyId" = ${r.keyId} AND "cipher" = ${r.cipher}`;
  }
  return rows.length ? rows[rows.length - 1].hash : null;
}

async function rehashInformants(after: string, batch: number, report: RotationReport): Promise<string | null> {
  const pepper = activePepperId();
  const rows = await db.$queryRaw<{ id: string; addressHash: string; addressCipher: string | null; keyId: string }[]>`
    SELECT "id"::text AS "id", "addressHash", "addressCipher", "keyId" FROM "Informant"
     WHERE "id" > ${after}::uuid AND "pepperId" IS DISTINCT FROM ${pepper} ORDER BY "id" LIMIT ${batch}::int`;
  for (const r of rows) {
    const address = r.addressCipher ? tryDecrypt(r.addressCipher, r.keyId) : null;
    if (!address) {
      report.skipped++;
      continue;
    }
    report.rehashed +=
      await db.$executeRaw`UPDATE "Informant" SET "addressHash" = ${hashAddress(address)}, "pepperId" = ${pepper}
      WHERE "id" = ${r.id}::uuid AND "addressHash" = ${r.addressHash}`;
  }
  return rows.length ? rows[rows.length - 1].id : null;
}

/** Identifiers change their primary key: each is replaced by its new hash (or dropped when live ingest already made that row). */
async function rehashIdentifiers(batch: number, report: RotationReport) {
  const pepper = activePepperId();
  const stuck = new Set<string>();
  for (;;) {
    const rows = (
      await db.$queryRaw<{ hash: string; cipher: string | null; keyId: string }[]>`
        SELECT "hash", "cipher", "keyId" FROM "InformantIdentifier" WHERE "pepperId" IS DISTINCT FROM ${pepper} ORDER BY "hash" LIMIT ${batch + stuck.size}::int`
    ).filter((r) => !stuck.has(r.hash));
    if (!rows.length) return;
    for (const r of rows) {
      const address = r.cipher ? tryDecrypt(r.cipher, r.keyId) : null;
      if (!address) {
        stuck.add(r.hash);
        report.skipped++;
        continue;
      }
      const fresh = hashAddress(address);
      const moved = await db.$executeRaw`WITH taken AS (SELECT 1 FROM "InformantIdentifier" WHERE "hash" = ${fresh})
         UPDATE "InformantIdentifier" SET "hash" = ${fresh}, "pepperId" = ${pepper} WHERE "hash" = ${r.hash} AND NOT EXISTS (SELECT 1 FROM taken)`;
      if (!moved)
        await db.$executeRaw`DELETE FROM "InformantIdentifier" WHERE "hash" = ${r.hash} AND EXISTS (SELECT 1 FROM "InformantIdentifier" WHERE "hash" = ${fresh})`;
      report.rehashed++;
    }
  }
}

function tryDecrypt(cipher: string, keyId: string): string | null {
  try {
    return decrypt(cipher, keyId);
  } catch {
    return null;
  }
}

/** Every given ciphertext re-encrypted under the active key, or null when one cannot be decrypted (an unknown key). */
function reencrypt(ciphers: (string | null)[], keyId: string): { ciphers: (string | null)[]; keyId: string } | null {
  const plain = ciphers.map((c) => (c === null ? null : tryDecrypt(c, keyId)));
  if (plain.some((p, i) => p === null && ciphers[i] !== null)) return null;
  const out = plain.map((p) => (p === null ? null : encrypt(p)));
  return { ciphers: out.map((o) => o?.cipher ?? null), keyId: env().IDENTITY_ACTIVE_KEY };
}
