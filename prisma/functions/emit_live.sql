-- A live event (lib/live/bus.ts LiveEvent: ids and refs only, never text or identity), written in
-- the caller's transaction to the live event log (ADR 0150) with that transaction's id. The NOTIFY
-- carries nothing: it only wakes each app instance's reader, and Postgres folds the identical
-- notifications of one transaction into one, delivered after COMMIT.
CREATE OR REPLACE FUNCTION mukhbir_internal.emit_live(p_event jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO mukhbir_internal.live_event ("payload") VALUES (p_event);
  SELECT pg_notify('mukhbir_events', '');
$$;
