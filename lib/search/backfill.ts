// The resumable backfill of the cross-script search index (ADR 0700): messages stored before the
// index existed get their terms, a batch at a time in id order. The position is stored with each
// batch (mukhbir_internal.search_backfill), in the batch's transaction, so a crash or restart
// resumes after the last committed batch and nothing is indexed twice (indexing is idempotent
// anyway). Runs as the `search.backfill` job, which re-queues itself until it is done.
import "server-only";
import { db, type Tx } from "../db";
import { enqueue } from "../jobs/queue";
import { KEY_RULES, indexTerms } from "./keys";
import { resetForNewKeyRules } from "./key-rules";

export const BACKFILL_BATCH = 500;

type Progress = { after_id: string | null; done: boolean; indexed: bigint | number };

export async function backfillProgress(
  q: Pick<Tx, "$queryRaw"> = db,
): Promise<{ afterId: string | null; done: boolean; indexed: number }> {
  const [row] = await q.$queryRaw<
    Progress[]
  >`SELECT after_id, done, indexed FROM mukhbir_internal.search_backfill WHERE id = 1`;
  return { afterId: row?.after_id ?? null, done: row?.done ?? false, indexed: Number(row?.indexed ?? 0) };
}

/** Indexes the next batch; true when every message has been indexed. */
export async function backfillBatch(size = BACKFILL_BATCH): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO mukhbir_internal.search_backfill (id, key_rules) VALUES (1, ${KEY_RULES}::int) ON CONFLICT DO NOTHING`;
    const [p] = await tx.$queryRaw<
      Progress[]
    >`SELECT after_id, done, indexed FROM mukhbir_internal.search_backfill WHERE id = 1 FOR UPDATE`;
    if (p.done) return true;
    const batch = await tx.$queryRaw<{ id: string; tipId: string; body: string }[]>`
      SELECT m."id", m."tipId", m."body" FROM "Message" m
      WHERE m."direction" = 'INBOUND' AND m."body" IS NOT NULL AND m."body" <> '' AND (${p.after_id}::uuid IS NULL OR m."id" > ${p.after_id}::uuid)
      ORDER BY m."id" LIMIT ${size}::int`;
    for (const m of batch)
      await tx.$executeRaw`SELECT mukhbir_internal.add_search_terms(${m.tipId}::uuid, ${JSON.stringify(indexTerms(m.body))}::jsonb)`;
    const done = batch.length < size;
    const last = batch.length ? batch[batch.length - 1].id : p.after_id;
    await tx.$executeRaw`UPDATE mukhbir_internal.search_backfill SET after_id = ${last}::uuid, done = ${done}, indexed = indexed + ${batch.length}::int, updated_at = now() WHERE id = 1`;
    return done;
  });
}

/** The job: one batch, then the next batch as a new job (so other jobs interleave), until done. */
export async function runBackfillJob(): Promise<void> {
  const done = await backfillBatch();
  if (!done)
    await db.$transaction((tx) => enqueue(tx, "search.backfill", {}, { dedupeKey: `search.backfill@${Date.now()}` }));
}

/** At start-up: queue the backfill unless it has finished by the current key rules. */
export async function scheduleBackfill(): Promise<void> {
  await db.$transaction(async (tx) => {
    const rekeyed = await resetForNewKeyRules(tx);
    if (!rekeyed && (await backfillProgress(tx)).done) return;
    await enqueue(tx, "search.backfill", {}, { dedupeKey: `search.backfill@start-${Date.now()}` });
  });
}
