-- The live event log (docs/decisions/0150-live-event-log.md). Every live event is a row written in
-- the transaction that made the change, tagged with that transaction's id, so a reader holding a
-- snapshot (the page's cursor) can ask for exactly the events its snapshot did not see — whenever
-- they committed, on whichever instance, across restarts. NOTIFY only wakes the readers up.
-- Rows are pruned after a day; `live_event_pruned` remembers how far, so an older cursor is told
-- to refetch instead of silently missing events.
CREATE SCHEMA IF NOT EXISTS mukhbir_internal;

CREATE TABLE mukhbir_internal.live_event (
  "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
  "at" timestamptz NOT NULL DEFAULT now(),
  "payload" jsonb NOT NULL
);
CREATE INDEX live_event_xid_idx ON mukhbir_internal.live_event ("xid");
CREATE INDEX live_event_at_idx ON mukhbir_internal.live_event ("at");

CREATE TABLE mukhbir_internal.live_event_pruned (
  "one" boolean PRIMARY KEY DEFAULT true CHECK ("one"),
  "through" xid8 NOT NULL
);
