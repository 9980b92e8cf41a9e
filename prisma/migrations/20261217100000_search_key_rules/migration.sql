-- The version of the phonetic key rules the search index was built with (lib/search/keys.ts
-- KEY_RULES; docs/decisions/0715-search-key-rules-version.md). Indexes built before this column
-- used version 1: the next start re-indexes them.
ALTER TABLE mukhbir_internal.search_backfill ADD COLUMN key_rules integer NOT NULL DEFAULT 1;
