-- Clock counters' summary rows (ADR 0814): a folded row may cover ["-infinity", until) instead of
-- one received hour. NULL keeps meaning the hour's row, [hour, hour + 1 hour).
ALTER TABLE mukhbir_internal.tip_clock_count ADD COLUMN IF NOT EXISTS "until" timestamptz;
