-- Week rollups (ADR 0813): the day rollups of a whole week (Monday to Sunday, IST days) merged, so
-- a 30-day read takes four weeks' rows and a few days' instead of thirty days' rows. Filled by the
-- app (lib/dashboard/rollup-refresh.ts) from the day rollups; a week counts only while its seven
-- days are clean and their build times are the ones it was merged from (`built`, in day order).
CREATE TABLE IF NOT EXISTS mukhbir_internal.dash_week (
  day date PRIMARY KEY,
  built timestamptz[] NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now()
);

-- The week's rows, in the day rollups' shape; "day" is the week's Monday.
CREATE TABLE IF NOT EXISTS mukhbir_internal.dash_week_rollup (LIKE mukhbir_internal.dash_rollup);
CREATE INDEX IF NOT EXISTS dash_week_rollup_idx ON mukhbir_internal.dash_week_rollup (lvl, station_id, category, g, k, day);
CREATE INDEX IF NOT EXISTS dash_week_rollup_day_idx ON mukhbir_internal.dash_week_rollup (day);
