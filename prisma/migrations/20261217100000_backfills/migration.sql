-- One table for the resumable backfills (lib/jobs/backfill.ts, docs/decisions/0715): each by name,
-- with the version of the rules it ran by (a newer version starts it over) and its position. The
-- search index's backfill (ADR 0700) moves here as 'search', built by key rules version 1.
CREATE TABLE mukhbir_internal.backfill (
  name text PRIMARY KEY,
  version integer NOT NULL,
  after_id uuid,
  done boolean NOT NULL DEFAULT false,
  indexed bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO mukhbir_internal.backfill (name, version, after_id, done, indexed, updated_at)
SELECT 'search', 1, after_id, done, indexed, updated_at FROM mukhbir_internal.search_backfill WHERE id = 1;
DROP TABLE mukhbir_internal.search_backfill;
