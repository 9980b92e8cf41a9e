// The cross-script search index for every inbound message (ADR 0700): messages stored before the
// index existed, or keyed by older key rules (ADR 0715), get their terms — a resumable backfill
// (lib/jobs/backfill.ts). Indexing is idempotent, so a batch run twice changes nothing.
import "server-only";
import type { Tx } from "../db";
import type { Backfill } from "../jobs/backfill";
import { KEY_RULES, indexTerms } from "./keys";
import { forgetOldKeys } from "./key-rules";

export const searchBackfill: Backfill = {
  name: "search",
  version: KEY_RULES,
  batch: async (tx: Tx, afterId: string | null, size: number) => {
    const batch = await tx.$queryRaw<{ id: string; tipId: string; body: string }[]>`
      SELECT m."id", m."tipId", m."body" FROM "Message" m
      WHERE m."direction" = 'INBOUND' AND m."body" IS NOT NULL AND m."body" <> '' AND (${afterId}::uuid IS NULL OR m."id" > ${afterId}::uuid)
      ORDER BY m."id" LIMIT ${size}::int`;
    for (const m of batch)
      await tx.$executeRaw`SELECT mukhbir_internal.add_search_terms(${m.tipId}::uuid, ${JSON.stringify(indexTerms(m.body))}::jsonb)`;
    return batch.map((m) => m.id);
  },
  onNewVersion: forgetOldKeys,
};
