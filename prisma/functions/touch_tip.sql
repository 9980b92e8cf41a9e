-- The one current definition (its last migration was 20261201000000_ingest_message_function). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- A tip's counters, preview and search text after messages were added. Timestamps never move
-- backwards (late redeliveries); the queue shows the tip's first text, so a preview is never replaced.
CREATE OR REPLACE FUNCTION mukhbir_internal.touch_tip(
  p_tip uuid, p_at timestamptz, p_inbound boolean, p_messages integer, p_media integer, p_preview text, p_search text, p_flag boolean)
RETURNS void
LANGUAGE sql AS $$
  UPDATE public."Tip" SET
    "messageCount" = "messageCount" + p_messages,
    "mediaCount" = "mediaCount" + p_media,
    "lastActivityAt" = GREATEST("lastActivityAt", p_at),
    "lastInboundAt" = CASE WHEN p_inbound THEN GREATEST("lastInboundAt", p_at) ELSE "lastInboundAt" END,
    "preview" = CASE WHEN "preview" <> '' OR p_preview = '' THEN "preview" ELSE p_preview END,
    "searchText" = CASE WHEN p_search = '' THEN "searchText" WHEN "searchText" = '' THEN p_search ELSE "searchText" || E'\n' || p_search END,
    "flagged" = "flagged" OR p_flag,
    "updatedAt" = now()
  WHERE "id" = p_tip
$$;
