// The search benches' synthetic texts and their index terms, in one place: bench/search/search.ts
// seeds them for the queue bench's tips, bench/scale for the dashboard seed's (which writes the same
// texts into each tip's preview and search text when given WORDS). Tip number g says
// "WORDS[g % 12] WORDS[g / 12 % 12] near g", as bench/queue/seed.sql writes it.
import type pg from "pg";
import { indexTerms } from "../../lib/search/keys";

// The 12 texts of bench/queue/seed.sql: each tip is two of them + " near <n>".
export const WORDS = [
  "avaidh sharab",
  "अवैध शराब",
  "jua chal raha hai",
  "जुआ",
  "smack bech raha",
  "नशा",
  "chori ki gaadi",
  "चोरी",
  "zameen kabza",
  "ज़मीन पर कब्ज़ा",
  "mobile fraud call",
  "साइबर ठगी",
];

/** WORDS as a PostgreSQL text[] literal (psql -v texts=…). */
export const WORDS_ARRAY_LITERAL = `{${WORDS.map((w) => `"${w}"`).join(",")}}`;

/**
 * Index terms of every tip by its number ("seq"): its two texts' keys, "near", and the number itself
 * (a key of its own: the rare query). Then the words for fuzzy lookups and the folded counters.
 */
export async function seedSearchTerms(c: pg.Client) {
  const terms = WORDS.map((w) => indexTerms(w));
  const near = indexTerms("near").keys;
  await c.query(
    `INSERT INTO mukhbir_internal.search_term ("key", tip_id)
     SELECT DISTINCT k, t."id" FROM "Tip" t,
       LATERAL (SELECT jsonb_array_elements_text($1::jsonb -> (t."seq" % 12)::int)
                UNION SELECT jsonb_array_elements_text($1::jsonb -> ((t."seq" / 12) % 12)::int)
                UNION SELECT unnest($2::text[]) UNION SELECT t."seq"::text) AS x(k)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(terms.map((t) => t.keys)), near],
  );
  for (const t of terms)
    for (const w of t.words)
      await c.query(`INSERT INTO mukhbir_internal.search_word (word, "key") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        w.word,
        w.key,
      ]);
  await c.query("SELECT mukhbir_internal.fold_tip_counts()");
}
