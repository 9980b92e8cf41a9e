-- Search terms in time order per key (docs/decisions/0710-search-newest-matches-first.md): each row
-- carries its tip's receivedAt (immutable; kept equal by the trigger in
-- prisma/functions/search_term_received_at.sql), and the primary key becomes (key, received_at,
-- tip_id), so a search walks one key's tips newest first and stops after a page instead of
-- collecting every match. The same index serves the exact probe (key, received_at, tip_id); the
-- (tip_id) index stays for cascades and merges. One index, as before, so ingest writes no more.
ALTER TABLE mukhbir_internal.search_term ADD COLUMN received_at timestamptz(3);
UPDATE mukhbir_internal.search_term st SET received_at = t."receivedAt" FROM public."Tip" t WHERE t."id" = st.tip_id;
ALTER TABLE mukhbir_internal.search_term ALTER COLUMN received_at SET NOT NULL;
ALTER TABLE mukhbir_internal.search_term DROP CONSTRAINT search_term_pkey;
ALTER TABLE mukhbir_internal.search_term ADD CONSTRAINT search_term_pkey PRIMARY KEY ("key", received_at, tip_id);
