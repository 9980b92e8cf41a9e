-- Tip.receivedAt does not change in the app, but each search term carries a copy of it (its index
-- walks a key's tips newest first, ADR 0710): should it ever change, the copies follow, so the
-- search's probes on (key, received_at, tip_id) never miss a row.
CREATE OR REPLACE FUNCTION mukhbir_internal.search_term_received_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE mukhbir_internal.search_term SET received_at = NEW."receivedAt" WHERE tip_id = NEW."id";
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS search_term_received_at ON "Tip";
CREATE TRIGGER search_term_received_at AFTER UPDATE OF "receivedAt" ON "Tip"
  FOR EACH ROW WHEN (OLD."receivedAt" IS DISTINCT FROM NEW."receivedAt")
  EXECUTE FUNCTION mukhbir_internal.search_term_received_at();
