-- The one current definition (its last migration was 20261201000000_ingest_message_function). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- The threading rule (docs/decisions/0101-threading-window.md): the informant's most recent open
-- tip whose last activity is at or after `p_since` (the message time minus the threading window).
CREATE OR REPLACE FUNCTION mukhbir_internal.open_tip(p_informant uuid, p_since timestamptz)
RETURNS TABLE (id uuid, ref text, flagged boolean)
LANGUAGE sql STABLE AS $$
  SELECT t."id", t."ref", t."flagged" FROM public."Tip" t
  WHERE t."informantId" = p_informant AND t."status" NOT IN ('CLOSED', 'MERGED') AND t."lastActivityAt" >= p_since
  ORDER BY t."lastActivityAt" DESC LIMIT 1
$$;
