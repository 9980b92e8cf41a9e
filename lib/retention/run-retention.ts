// Retention (docs/decisions/0212-retention.md): what a leaked database or backup can still give
// away shrinks with time. Daily, and on demand (`npm run retention:run [-- --dry-run]`):
//  - an informant with no message for RETENTION_ADDRESS_DAYS loses its encrypted address and name
//    (replies then become impossible; the keyed hash stays, so a returning informant keeps the alias
//    and gets the address back from the new message);
//  - stored webhook payloads older than RETENTION_PAYLOAD_DAYS are emptied (the event row stays:
//    it is the idempotency key and the Admin → Webhooks record), and finished jobs of that age,
//    whose payloads can copy a webhook's, are deleted.
// Counts go into the audit trail, which itself is never shortened.
import "server-only";
import { db, type Tx } from "../db";
import { env } from "../env";
import { audit } from "../audit";
import { DAY_MS } from "../time/ist";

export type RetentionReport = {
  dryRun: boolean;
  addressDays: number;
  payloadDays: number;
  /** Null when that period is 0 (never). */
  addressCutoff: Date | null;
  payloadCutoff: Date | null;
  addressesDestroyed: number;
  payloadsPurged: number;
  jobsDeleted: number;
};

export async function runRetention(
  opts: { now?: Date; dryRun?: boolean; actor?: { id: string | null; role: string } } = {},
): Promise<RetentionReport> {
  const e = env();
  const now = opts.now ?? new Date();
  const addressCutoff =
    e.RETENTION_ADDRESS_DAYS > 0 ? new Date(now.getTime() - e.RETENTION_ADDRESS_DAYS * DAY_MS) : null;
  const payloadCutoff =
    e.RETENTION_PAYLOAD_DAYS > 0 ? new Date(now.getTime() - e.RETENTION_PAYLOAD_DAYS * DAY_MS) : null;
  const base = {
    dryRun: !!opts.dryRun,
    addressDays: e.RETENTION_ADDRESS_DAYS,
    payloadDays: e.RETENTION_PAYLOAD_DAYS,
    addressCutoff,
    payloadCutoff,
  };
  if (opts.dryRun) return { ...base, ...(await db.$transaction((tx) => count(tx, addressCutoff, payloadCutoff))) };

  return db.$transaction(async (tx) => {
    const addressesDestroyed = addressCutoff
      ? await tx.$executeRaw`
          UPDATE "Informant" SET "addressCipher" = NULL, "nameCipher" = NULL, "addressDestroyedAt" = ${now}
          WHERE "lastSeenAt" < ${addressCutoff} AND ("addressCipher" IS NOT NULL OR "nameCipher" IS NOT NULL)`
      : 0;
    // Every identifier of such an informant is an encrypted address too: it goes with the address.
    if (addressCutoff)
      await tx.$executeRaw`
        UPDATE "InformantIdentifier" i SET "cipher" = NULL FROM "Informant" n
        WHERE n."id" = i."informantId" AND n."addressDestroyedAt" IS NOT NULL AND n."addressCipher" IS NULL AND i."cipher" IS NOT NULL`;
    const payloadsPurged = payloadCutoff
      ? await tx.$executeRaw`
          UPDATE "WebhookEvent" SET "payload" = '{}'::jsonb, "payloadPurgedAt" = ${now}
          WHERE "receivedAt" < ${payloadCutoff} AND "payloadPurgedAt" IS NULL`
      : 0;
    const jobsDeleted = payloadCutoff
      ? await tx.$executeRaw`DELETE FROM "Job" WHERE "state" IN ('DONE', 'FAILED') AND "updatedAt" < ${payloadCutoff}`
      : 0;
    const report = { ...base, addressesDestroyed, payloadsPurged, jobsDeleted };
    await audit(tx, {
      actorId: opts.actor?.id ?? null,
      actorRole: opts.actor?.role ?? "SYSTEM",
      action: "retention.run",
      targetType: null,
      targetId: null,
      tipId: null,
      ip: null,
      detail: {
        ...report,
        addressCutoff: addressCutoff?.toISOString() ?? null,
        payloadCutoff: payloadCutoff?.toISOString() ?? null,
      },
    });
    return report;
  });
}

async function count(tx: Tx, addressCutoff: Date | null, payloadCutoff: Date | null) {
  const n = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
  return {
    addressesDestroyed: addressCutoff
      ? await n(
          tx.$queryRaw`SELECT count(*)::int AS n FROM "Informant" WHERE "lastSeenAt" < ${addressCutoff} AND ("addressCipher" IS NOT NULL OR "nameCipher" IS NOT NULL)`,
        )
      : 0,
    payloadsPurged: payloadCutoff
      ? await n(
          tx.$queryRaw`SELECT count(*)::int AS n FROM "WebhookEvent" WHERE "receivedAt" < ${payloadCutoff} AND "payloadPurgedAt" IS NULL`,
        )
      : 0,
    jobsDeleted: payloadCutoff
      ? await n(
          tx.$queryRaw`SELECT count(*)::int AS n FROM "Job" WHERE "state" IN ('DONE', 'FAILED') AND "updatedAt" < ${payloadCutoff}`,
        )
      : 0,
  };
}
