-- The one current definition (its last migration was 20261201000000_ingest_message_function). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- The year's next tip number. Gap-free (the counter row is locked until COMMIT), so callers take it
-- as late as they can: the number_tip trigger at COMMIT, ingest_message in its last steps.
CREATE OR REPLACE FUNCTION mukhbir_internal.next_tip_seq(tip_year integer) RETURNS integer LANGUAGE sql AS $$
  INSERT INTO public."TipCounter" ("year", "last") VALUES (tip_year, 1)
  ON CONFLICT ("year") DO UPDATE SET "last" = "TipCounter"."last" + 1
  RETURNING "last"
$$;
