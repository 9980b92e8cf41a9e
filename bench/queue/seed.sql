-- Seeds :n synthetic tips for the queue bench (psql -v n=1000000 -f seed.sql, or via ttfb.ts).
-- Shape of a desk after a year: ~2% of tips open (a quarter of those unassigned, some waiting on
-- the informant, some late), the rest closed; Hindi and English text for the trigram index.
INSERT INTO "Informant" ("id", "alias", "channel", "addressHash", "addressCipher", "keyId")
SELECT gen_random_uuid(), 'B-' || g, 'WHATSAPP', 'bench-' || g, 'bench', 'bench'
FROM generate_series(1, 20000) g
ON CONFLICT DO NOTHING;

WITH inf AS (SELECT array_agg("id") AS ids FROM "Informant" WHERE "alias" LIKE 'B-%'),
     st AS (SELECT array_agg("id") AS ids FROM "PoliceStation"),
     us AS (SELECT array_agg("id") AS ids FROM "User"),
     words AS (SELECT ARRAY['avaidh sharab', 'अवैध शराब', 'jua chal raha hai', 'जुआ', 'smack bech raha', 'नशा', 'chori ki gaadi', 'चोरी', 'zameen kabza', 'ज़मीन पर कब्ज़ा', 'mobile fraud call', 'साइबर ठगी'] AS w),
     base AS (SELECT COALESCE(max("seq"), 0) AS s FROM "Tip" WHERE "year" = 2025)
INSERT INTO "Tip" ("id", "ref", "year", "seq", "status", "priority", "category", "channel", "informantId", "stationId", "assigneeId",
                   "preview", "mediaCount", "messageCount", "receivedAt", "lastActivityAt", "lastInboundAt", "claimedAt", "firstResponseAt",
                   "closedAt", "outcome", "searchText", "createdAt", "updatedAt")
SELECT gen_random_uuid(), 'EM-2025-' || lpad((base.s + g)::text, 7, '0'), 2025, base.s + g,
       x.status::"TipStatus",
       (ARRAY['URGENT','HIGH','NORMAL','NORMAL','NORMAL','LOW'])[1 + g % 6]::"Priority",
       (ARRAY['UNCATEGORISED','NARCOTICS','ILLEGAL_LIQUOR','GAMBLING','THEFT_ROBBERY','LAND_MAFIA','CYBER_FRAUD'])[1 + g % 7]::"Category",
       'WHATSAPP', inf.ids[1 + g % array_length(inf.ids, 1)], st.ids[1 + g % array_length(st.ids, 1)],
       CASE WHEN x.status = 'NEW' THEN NULL ELSE us.ids[1 + g % array_length(us.ids, 1)] END,
       left(x.txt, 140), g % 3, 1 + g % 4, x.at, x.at + interval '5 minutes', x.at,
       CASE WHEN x.status = 'NEW' THEN NULL ELSE x.at + interval '4 minutes' END,
       CASE WHEN x.status = 'NEW' THEN NULL ELSE x.at + interval '4 minutes' END,
       CASE WHEN x.status = 'CLOSED' THEN x.at + interval '20 hours' END,
       CASE WHEN x.status = 'CLOSED' THEN 'ACTIONED'::"Outcome" END,
       lower(x.txt), now(), now()
FROM generate_series(1, :n) g
CROSS JOIN inf CROSS JOIN st CROSS JOIN us CROSS JOIN words CROSS JOIN base
CROSS JOIN LATERAL (SELECT
  CASE WHEN g % 200 = 0 THEN 'NEW' WHEN g % 200 = 1 THEN 'IN_PROGRESS' WHEN g % 200 = 2 THEN 'WAITING_INFORMANT' WHEN g % 200 = 3 THEN 'IN_PROGRESS' ELSE 'CLOSED' END AS status,
  -- Open tips are recent (the last two days), closed ones spread over a year.
  CASE WHEN g % 200 < 4 THEN now() - (g % 2880) * interval '1 minute' ELSE now() - (g % 525600) * interval '1 minute' - interval '1 day' END AS at,
  words.w[1 + g % 12] || ' ' || words.w[1 + (g / 12) % 12] || ' near ' || g AS txt) x;

ANALYZE "Tip";
