-- Ingest numbers a new tip at COMMIT (docs/decisions/0110-late-ref-allocation.md). Refs are
-- gap-free, so the year's TipCounter row is locked from the bump until COMMIT and every other new
-- tip waits for it: bumping it inside COMMIT itself (a deferred constraint trigger) holds the lock
-- for no client round trip at all. Raw SQL only: Prisma's schema diff does not model functions or
-- triggers. The trigger sits on a one-column table in its own schema because Prisma's schema
-- engine fails to introspect a constraint trigger on a table it manages (`migrate diff` errors).

-- The ref format of lib/tips/allocate-ref.ts formatRef: six digits at least, more past 999,999.
CREATE OR REPLACE FUNCTION tip_ref(year integer, seq integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'EM-' || year || '-' || lpad(seq::text, greatest(6, length(seq::text)), '0')
$$;

-- IF NOT EXISTS / OR REPLACE: this schema outlives a reset of `public` (as the test setup does).
CREATE SCHEMA IF NOT EXISTS mukhbir_internal;

-- A tip inserted with a pending ref gets a row here in the same statement; the row is gone again
-- at COMMIT (this table is always empty outside a transaction).
CREATE TABLE IF NOT EXISTS mukhbir_internal.tip_pending (tip_id uuid PRIMARY KEY);

-- Takes the year's next number for the tip, replaces the pending ref in the tip's acknowledgement,
-- and sends the live events the transaction left in the transaction-local setting
-- `mukhbir.pending_events` (a JSON array of payloads naming the pending ref). NOTIFYs queued here
-- are still delivered only after the commit succeeds.
CREATE OR REPLACE FUNCTION mukhbir_internal.number_tip() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tip_year integer;
  pending text;
  n integer;
  numbered text;
  payload text;
BEGIN
  SELECT "year", "ref" INTO tip_year, pending FROM public."Tip" WHERE "id" = NEW.tip_id;
  INSERT INTO public."TipCounter" ("year", "last") VALUES (tip_year, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "TipCounter"."last" + 1
    RETURNING "last" INTO n;
  numbered := public.tip_ref(tip_year, n);
  UPDATE public."Tip" SET "seq" = n, "ref" = numbered WHERE "id" = NEW.tip_id;
  UPDATE public."Message" SET "body" = replace("body", pending, numbered) WHERE "tipId" = NEW.tip_id AND "direction" = 'OUTBOUND';
  FOR payload IN SELECT jsonb_array_elements_text(COALESCE(NULLIF(current_setting('mukhbir.pending_events', true), ''), '[]')::jsonb) LOOP
    PERFORM pg_notify('mukhbir_events', replace(payload, pending, numbered));
  END LOOP;
  DELETE FROM mukhbir_internal.tip_pending WHERE tip_id = NEW.tip_id;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS number_tip ON mukhbir_internal.tip_pending;
CREATE CONSTRAINT TRIGGER number_tip AFTER INSERT ON mukhbir_internal.tip_pending
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION mukhbir_internal.number_tip();
