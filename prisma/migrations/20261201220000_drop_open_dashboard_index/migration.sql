-- The dashboard no longer reads open tips from "Tip" (ADR 0520: they are in the day rollups), so
-- this index only cost every new tip an insert (issue 3's ingest path).
DROP INDEX IF EXISTS "Tip_open_dashboard_idx";
