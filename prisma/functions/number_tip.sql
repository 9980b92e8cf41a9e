-- A tip opened by a call is numbered at COMMIT (docs/decisions/0110-late-ref-allocation.md): this
-- deferred trigger on mukhbir_internal.tip_pending takes the year's next number, replaces the
-- pending ref in the tip's acknowledgement, and writes the live events the transaction left in the
-- transaction-local setting `mukhbir.pending_events` (a JSON array naming the pending ref).
CREATE OR REPLACE FUNCTION mukhbir_internal.number_tip() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tip_year integer;
  pending text;
  n integer;
  numbered text;
  payload text;
BEGIN
  SELECT "year", "ref" INTO tip_year, pending FROM public."Tip" WHERE "id" = NEW.tip_id;
  n := mukhbir_internal.next_tip_seq(tip_year);
  numbered := public.tip_ref(tip_year, n);
  UPDATE public."Tip" SET "seq" = n, "ref" = numbered WHERE "id" = NEW.tip_id;
  UPDATE public."Message" SET "body" = replace("body", pending, numbered) WHERE "tipId" = NEW.tip_id AND "direction" = 'OUTBOUND';
  FOR payload IN SELECT jsonb_array_elements_text(COALESCE(NULLIF(current_setting('mukhbir.pending_events', true), ''), '[]')::jsonb) LOOP
    PERFORM mukhbir_internal.emit_live(replace(payload, pending, numbered)::jsonb);
  END LOOP;
  DELETE FROM mukhbir_internal.tip_pending WHERE tip_id = NEW.tip_id;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS number_tip ON mukhbir_internal.tip_pending;
CREATE CONSTRAINT TRIGGER number_tip AFTER INSERT ON mukhbir_internal.tip_pending
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION mukhbir_internal.number_tip();
