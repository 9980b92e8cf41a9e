// A change of the phonetic key rules (KEY_RULES in ./keys.ts, docs/decisions/0715): what was keyed
// by the old rules is keyed again, once, by whichever instance starts first. The backfill starts
// over (its position reset with the new version, in one transaction with the row locked, so two
// instances starting together do it once); the typo vocabulary is emptied, since its words carry
// old keys and the backfill writes them again; watch phrases get their new keys now.
// Keys of the old rules stay on tips until then and after: a query computes only new keys, so an
// old key can only be met by a word whose new key happens to be it — a match it would make anyway.
import "server-only";
import type { Tx } from "../db";
import { phraseKeys } from "../watch/parse-watch";
import { KEY_RULES } from "./keys";

/** True when the index was built by older rules and has now been set to be rebuilt. */
export async function resetForNewKeyRules(tx: Tx): Promise<boolean> {
  const [row] = await tx.$queryRaw<
    { key_rules: number }[]
  >`SELECT key_rules FROM mukhbir_internal.search_backfill WHERE id = 1 FOR UPDATE`;
  if (!row || row.key_rules >= KEY_RULES) return false;
  await tx.$executeRaw`UPDATE mukhbir_internal.search_backfill SET after_id = NULL, done = false, indexed = 0, key_rules = ${KEY_RULES}::int, updated_at = now() WHERE id = 1`;
  await tx.$executeRaw`DELETE FROM mukhbir_internal.search_word`;
  await rekeyWatchPhrases(tx);
  return true;
}

async function rekeyWatchPhrases(tx: Tx) {
  const phrases = await tx.watchItem.findMany({
    where: { kind: "PHRASE" },
    select: { id: true, ownerId: true, value: true, normalised: true },
  });
  for (const w of phrases) {
    const p = phraseKeys(w.value);
    if (!p) continue;
    // Two of an owner's phrases that the new rules make one keep their old normalised form (the
    // duplicate check's), but both match by the new keys.
    const clash = await tx.watchItem.count({
      where: { ownerId: w.ownerId, kind: "PHRASE", normalised: p.normalised, id: { not: w.id } },
    });
    await tx.watchItem.update({
      where: { id: w.id },
      data: { keys: p.keys, ...(clash ? {} : { normalised: p.normalised }) },
    });
  }
}
