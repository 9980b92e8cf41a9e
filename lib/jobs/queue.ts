// Durable jobs in our own table, claimed with FOR UPDATE SKIP LOCKED (see
// docs/decisions/0003-jobs-table.md): the same code on PGlite and PostgreSQL, enqueued inside the
// transaction that needs the work, so a committed tip always has its media fetch and
// acknowledgement queued, and a rolled-back one has neither.
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { db, type Tx } from "../db";

export type JobKind = string;

export async function enqueue(
  tx: Tx,
  kind: JobKind,
  payload: Prisma.InputJsonValue,
  opts: { runAt?: Date; maxAttempts?: number; dedupeKey?: string } = {},
) {
  if (opts.dedupeKey) {
    // Replays of one delivery must not queue the work twice.
    await tx.$executeRaw`
      INSERT INTO "Job" ("kind", "payload", "runAt", "maxAttempts", "dedupeKey", "updatedAt")
      VALUES (${kind}, ${JSON.stringify(payload)}::jsonb, ${opts.runAt ?? new Date()}, ${opts.maxAttempts ?? 6}, ${opts.dedupeKey}, now())
      ON CONFLICT ("dedupeKey") DO NOTHING`;
    return;
  }
  await tx.job.create({ data: { kind, payload, runAt: opts.runAt, maxAttempts: opts.maxAttempts } });
}

export type ClaimedJob = { id: bigint; kind: string; payload: unknown; attempts: number; maxAttempts: number };

/** Claims up to `limit` due jobs of the given kinds. A job left RUNNING by a crashed process is reclaimed after `staleMs`. */
export async function claim(kinds: string[], limit = 4, staleMs = 5 * 60_000): Promise<ClaimedJob[]> {
  const stale = new Date(Date.now() - staleMs);
  return db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET "state" = 'RUNNING', "lockedAt" = now(), "attempts" = "attempts" + 1, "updatedAt" = now()
    WHERE "id" IN (
      SELECT "id" FROM "Job"
      WHERE "kind" = ANY(${kinds}) AND "runAt" <= now()
        AND ("state" = 'PENDING' OR ("state" = 'RUNNING' AND "lockedAt" < ${stale}))
      ORDER BY "runAt" ASC
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "payload", "attempts", "maxAttempts"`;
}

export async function complete(id: bigint) {
  await db.job.update({ where: { id }, data: { state: "DONE", lockedAt: null, lastError: null } });
}

/** Exponential backoff (30 s, 1 min, 2 min … capped at 1 h); the last attempt fails the job for good. */
export async function fail(job: ClaimedJob, error: string, opts: { permanent?: boolean } = {}) {
  const final = opts.permanent || job.attempts >= job.maxAttempts;
  const delayMs = Math.min(30_000 * 2 ** (job.attempts - 1), 3_600_000);
  await db.job.update({
    where: { id: job.id },
    data: {
      state: final ? "FAILED" : "PENDING",
      lockedAt: null,
      lastError: error.slice(0, 1000),
      runAt: final ? undefined : new Date(Date.now() + delayMs),
    },
  });
  return final;
}

/** Renews this process's hold on jobs it is still running, so only a dead process's jobs go stale. */
export async function renewLocks(ids: bigint[]) {
  await db.$executeRaw`UPDATE "Job" SET "lockedAt" = now() WHERE "id" = ANY(${ids}::bigint[]) AND "state" = 'RUNNING'`;
}

/** Hands running jobs back (shutdown): PENDING, due now, this attempt not counted. */
export async function releaseJobs(ids: bigint[]) {
  await db.$executeRaw`
    UPDATE "Job" SET "state" = 'PENDING', "lockedAt" = NULL, "attempts" = GREATEST("attempts" - 1, 0), "runAt" = now(), "updatedAt" = now()
    WHERE "id" = ANY(${ids}::bigint[]) AND "state" = 'RUNNING'`;
}
