// Resumable backfills (docs/decisions/0715): work over every row of a table that rows stored
// before a rule existed (or changed) need — the search index's terms, the entities of old
// messages. A batch at a time in id order; the position is stored with each batch, in the batch's
// transaction (mukhbir_internal.backfill), so a crash or restart resumes after the last committed
// batch. Each runs as its own job kind, which re-queues itself until done, so other jobs interleave.
// A backfill carries the version of its rules: a start that finds an older one starts it over.
import "server-only";
import { db, type Tx } from "../db";
import { enqueue } from "./queue";

export type Backfill = {
  /** Its row in mukhbir_internal.backfill; the job kind is `<name>.backfill`. */
  name: string;
  /** The version of the rules it applies: a newer one than the stored row's starts it over. */
  version: number;
  /** Processes the rows after `afterId` (null: from the start), at most `size`, in id order; returns their ids in order. */
  batch: (tx: Tx, afterId: string | null, size: number) => Promise<string[]>;
  /** In the transaction that starts it over for a new version: undo what the old rules left, if needed. */
  onNewVersion?: (tx: Tx) => Promise<void>;
};

export const BACKFILL_BATCH = 500;
export const jobKind = (b: Backfill) => `${b.name}.backfill`;

type Row = { version: number; after_id: string | null; done: boolean; indexed: bigint | number };

async function lockRow(tx: Tx, b: Backfill): Promise<Row> {
  await tx.$executeRaw`INSERT INTO mukhbir_internal.backfill (name, version) VALUES (${b.name}, ${b.version}::int) ON CONFLICT DO NOTHING`;
  const [row] = await tx.$queryRaw<
    Row[]
  >`SELECT version, after_id, done, indexed FROM mukhbir_internal.backfill WHERE name = ${b.name} FOR UPDATE`;
  return row;
}

export async function backfillProgress(
  b: Backfill,
  q: Pick<Tx, "$queryRaw"> = db,
): Promise<{ version: number | null; afterId: string | null; done: boolean; indexed: number }> {
  const [row] = await q.$queryRaw<
    Row[]
  >`SELECT version, after_id, done, indexed FROM mukhbir_internal.backfill WHERE name = ${b.name}`;
  return {
    version: row?.version ?? null,
    afterId: row?.after_id ?? null,
    done: row?.done ?? false,
    indexed: Number(row?.indexed ?? 0),
  };
}

/** Processes the next batch; true when every row has been processed. */
export async function backfillBatch(b: Backfill, size = BACKFILL_BATCH): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const p = await lockRow(tx, b);
    if (p.done) return true;
    const ids = await b.batch(tx, p.after_id, size);
    const done = ids.length < size;
    const last = ids.length ? ids[ids.length - 1] : p.after_id;
    await tx.$executeRaw`UPDATE mukhbir_internal.backfill SET after_id = ${last}::uuid, done = ${done}, indexed = indexed + ${ids.length}::int, updated_at = now() WHERE name = ${b.name}`;
    return done;
  });
}

/** The job: one batch, then the next batch as a new job, until done. */
export async function runBackfillJob(b: Backfill): Promise<void> {
  const done = await backfillBatch(b);
  if (!done) await db.$transaction((tx) => enqueue(tx, jobKind(b), {}, { dedupeKey: `${jobKind(b)}@${Date.now()}` }));
}

/**
 * Starts it over from the first row (in `tx`, e.g. with a gazetteer upload) and queues it. The row is
 * locked, so of two instances starting together after a version change only the first starts over.
 */
export async function restartBackfill(tx: Tx, b: Backfill): Promise<void> {
  await lockRow(tx, b);
  await tx.$executeRaw`UPDATE mukhbir_internal.backfill SET version = ${b.version}::int, after_id = NULL, done = false, indexed = 0, updated_at = now() WHERE name = ${b.name}`;
  await enqueue(tx, jobKind(b), {}, { dedupeKey: `${jobKind(b)}@restart-${Date.now()}` });
}

/** At start-up: start it over if its rules changed, else queue it unless it has finished. */
export async function scheduleBackfill(b: Backfill): Promise<void> {
  await db.$transaction(async (tx) => {
    const p = await lockRow(tx, b);
    if (p.version < b.version) {
      await b.onNewVersion?.(tx);
      return restartBackfill(tx, b);
    }
    if (!p.done) await enqueue(tx, jobKind(b), {}, { dedupeKey: `${jobKind(b)}@start-${Date.now()}` });
  });
}
