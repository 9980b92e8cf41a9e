// A change of the phonetic key rules (KEY_RULES in ./keys.ts, docs/decisions/0715): the search
// backfill starts over (lib/jobs/backfill.ts), and in the same transaction this forgets what holds
// keys of the old rules: the typo vocabulary is emptied (its words carry old keys; the backfill
// writes them again) and watch phrases get their new keys now.
// Keys of the old rules stay on tips: a query computes only new keys, so an old key can only be met
// by a word whose new key happens to be it — a match the new rules make anyway.
import "server-only";
import type { Tx } from "../db";
import { phraseKeys } from "../watch/parse-watch";

export async function forgetOldKeys(tx: Tx): Promise<void> {
  await tx.$executeRaw`DELETE FROM mukhbir_internal.search_word`;
  const phrases = await tx.watchItem.findMany({
    where: { kind: "PHRASE" },
    select: { id: true, ownerId: true, value: true },
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
