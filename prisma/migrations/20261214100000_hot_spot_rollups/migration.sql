-- Hot spots (docs/decisions/0705-hot-spots.md): per IST receive day, how many tips (not merged) name
-- each entity or place, at the finest filter level (station × category), so a dashboard read of a
-- range sums its clean days' rows and reads only today and changed days from "Tip". Triggers and
-- functions are in prisma/functions (hot_mark_*.sql).
CREATE SCHEMA IF NOT EXISTS mukhbir_internal;

CREATE TABLE mukhbir_internal.hot_rollup (
  day date NOT NULL,
  station_id uuid,
  category text NOT NULL,
  kind text NOT NULL,
  value text NOT NULL,
  tips int NOT NULL
);
CREATE INDEX hot_rollup_day_idx ON mukhbir_internal.hot_rollup (day);

-- Days whose rows are current as of built_at.
CREATE TABLE mukhbir_internal.hot_day (
  day date PRIMARY KEY,
  built_at timestamptz NOT NULL
);

-- Append-only "this day's hot spots changed" marks (no unique key: writers never wait on each other).
CREATE TABLE mukhbir_internal.hot_dirty (
  day date NOT NULL
);
CREATE INDEX hot_dirty_day_idx ON mukhbir_internal.hot_dirty (day);
