-- Cross-script search index (docs/decisions/0700-cross-script-search.md): each tip's phonetic word
-- keys (lib/search/keys.ts), looked up by key; the vocabulary of romanised words with a trigram
-- index for typos; the resumable backfill's position. App-owned, outside the Prisma models.
CREATE TABLE mukhbir_internal.search_term (
  "key" text NOT NULL,
  tip_id uuid NOT NULL REFERENCES public."Tip"("id") ON DELETE CASCADE,
  PRIMARY KEY ("key", tip_id)
);
CREATE INDEX search_term_tip_idx ON mukhbir_internal.search_term (tip_id);

CREATE TABLE mukhbir_internal.search_word (
  word text PRIMARY KEY,
  "key" text NOT NULL
);
CREATE INDEX search_word_trgm_idx ON mukhbir_internal.search_word USING GIN (word public.gin_trgm_ops);

CREATE TABLE mukhbir_internal.search_backfill (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  after_id uuid,
  done boolean NOT NULL DEFAULT false,
  indexed bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
