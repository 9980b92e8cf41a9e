// Writers of the cross-script search index outside ingest (which passes the same terms to its one
// statement, prisma/functions/ingest_message.sql): test factories, merges, the backfill.
import "server-only";
import type { Tx } from "../db";
import { indexTerms } from "./keys";

/** Adds `text`'s phonetic keys and romanised words to the tip's search terms (idempotent). */
export async function indexTipSearch(tx: Tx, tipId: string, text: string): Promise<void> {
  if (!text.trim()) return;
  await tx.$executeRaw`SELECT mukhbir_internal.add_search_terms(${tipId}::uuid, ${JSON.stringify(indexTerms(text))}::jsonb)`;
}

/** A merged duplicate's terms become the survivor's too (its messages moved there), at the survivor's receivedAt (ADR 0710). */
export async function copySearchTerms(tx: Tx, fromTipId: string, toTipId: string): Promise<void> {
  await tx.$executeRaw`INSERT INTO mukhbir_internal.search_term ("key", received_at, tip_id)
    SELECT st."key", t."receivedAt", t."id" FROM mukhbir_internal.search_term st JOIN "Tip" t ON t."id" = ${toTipId}::uuid
    WHERE st.tip_id = ${fromTipId}::uuid ON CONFLICT DO NOTHING`;
}
