-- Seeds :n tips spread over the last :days days (default 90) with realistic shapes, for the
-- dashboard benchmark. Message rows are not seeded: nothing on the dashboard reads them.
-- Run with psql -v n=1000000. Assumes migrated, empty tip tables (the demo stations and users
-- may exist). Informant identity columns get dummy ciphertext: the dashboard never reads them.
-- Optional -v texts='{…}' (a text[] literal: bench/search/seed.ts's seedTexts()): tip g's preview
-- and search text are two of them and its number, "texts[g % k] texts[g / k % k] near g", the text the
-- search bench indexes for it; without, both stay empty (the dashboard reads neither). The scale
-- bench (bench/scale) passes both, for a year of tips that the queue and search also read.
\set ON_ERROR_STOP on
\if :{?days}
\else
\set days 90
\endif
\if :{?texts}
\else
\set texts '{}'
\endif
BEGIN;
INSERT INTO "PoliceStation" ("id", "name", "district")
SELECT gen_random_uuid(), 'Bench station ' || g, 'Bench' FROM generate_series(1, 12) g
ON CONFLICT ("name") DO NOTHING;

INSERT INTO "User" ("id", "username", "name", "passwordHash", "role", "updatedAt")
SELECT gen_random_uuid(), 'bench-officer-' || g, 'Bench Officer ' || g, 'x', 'OFFICER', now() FROM generate_series(1, 40) g
ON CONFLICT ("username") DO NOTHING;

-- One informant per ~3 tips.
INSERT INTO "Informant" ("id", "alias", "channel", "addressHash", "addressCipher", "keyId")
SELECT gen_random_uuid(), 'B-' || g, 'WHATSAPP', 'bench-' || g, 'x', 'bench' FROM generate_series(1, greatest(1, :n / 3)) g;

CREATE TEMP TABLE st AS SELECT row_number() OVER (ORDER BY "id") AS k, "id" FROM "PoliceStation";
CREATE TEMP TABLE us AS SELECT row_number() OVER (ORDER BY "id") AS k, "id" FROM "User" WHERE "role" = 'OFFICER';
CREATE TEMP TABLE inf AS SELECT row_number() OVER (ORDER BY "id") AS k, "id" FROM "Informant";
CREATE INDEX ON st (k);
CREATE INDEX ON us (k);
CREATE INDEX ON inf (k);
ANALYZE st; ANALYZE us; ANALYZE inf;

-- Random draws per tip, then the tip. Arrivals peak in the evening; first response is log-normal
-- around 6 min; closing is log-normal around 8 h after it; old tips are mostly closed.
WITH r AS (
  SELECT g,
    now() - (random() * :days) * interval '1 day' AS day0,
    random() AS u_hour, random() AS u_ch, random() AS u_cat, random() AS u_pri, random() AS u_st, random() AS u_us, random() AS u_inf,
    sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z1,
    sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z2,
    random() AS u_state, random() AS u_out, random() AS u_resp
  FROM generate_series(1, :n) g
), shaped AS (
  SELECT r.*,
    -- pull the time of day towards 10:00–23:00 IST
    mukhbir_internal.ist_midnight(mukhbir_internal.ist_day(day0))
      + mod((10 + 13 * sqrt(u_hour))::numeric, 24) * interval '1 hour' + random() * interval '59 minutes' AS received
  FROM r
), t AS (
  SELECT s.*, least(received, now() - interval '1 minute') AS rcv,
    exp(ln(360) + 1.1 * z1) * interval '1 second' AS fr_delay,
    exp(ln(8 * 3600) + 1.0 * z2) * interval '1 second' AS close_delay
  FROM shaped s
)
INSERT INTO "Tip" ("id", "ref", "year", "seq", "status", "priority", "category", "channel", "informantId", "stationId", "assigneeId",
  "receivedAt", "lastActivityAt", "lastInboundAt", "claimedAt", "firstResponseAt", "closedAt", "outcome", "messageCount", "updatedAt",
  "preview", "searchText")
SELECT gen_random_uuid(), 'BN-' || g, 2000, g,
  st.status::"TipStatus",
  (CASE WHEN u_pri < 0.05 THEN 'URGENT' WHEN u_pri < 0.2 THEN 'HIGH' WHEN u_pri < 0.9 THEN 'NORMAL' ELSE 'LOW' END)::"Priority",
  (ARRAY['UNCATEGORISED','NARCOTICS','ILLEGAL_LIQUOR','WOMEN_SAFETY','GAMBLING','THEFT_ROBBERY','CYBER_FRAUD','LAND_MAFIA',
    'ILLEGAL_ARMS','ORGANISED_CRIME','TRAFFIC','CORRUPTION','OTHER'])[1 + floor(power(u_cat, 1.8) * 13)::int]::"Category",
  (CASE WHEN u_ch < 0.85 THEN 'WHATSAPP' ELSE 'VOICE' END)::"Channel",
  (SELECT "id" FROM inf WHERE inf.k = 1 + floor(u_inf * (SELECT count(*) FROM inf))::int),
  CASE WHEN u_st < 0.08 THEN NULL ELSE (SELECT "id" FROM st WHERE st.k = 1 + floor(u_st * (SELECT count(*) FROM st))::int) END,
  CASE WHEN st.status = 'NEW' THEN NULL ELSE (SELECT "id" FROM us WHERE us.k = 1 + floor(u_us * (SELECT count(*) FROM us))::int) END,
  rcv, rcv, rcv,
  CASE WHEN st.status <> 'NEW' AND rcv + fr_delay < now() THEN rcv + fr_delay END,
  CASE WHEN st.status <> 'NEW' AND rcv + fr_delay < now() THEN rcv + fr_delay END,
  CASE WHEN st.status = 'CLOSED' THEN least(rcv + fr_delay + close_delay, now()) END,
  CASE WHEN st.status = 'CLOSED' THEN (ARRAY['ACTIONED','ACTIONED','FIR_REGISTERED','ARREST_MADE','RECOVERY_SEIZURE','FORWARDED_TO_STATION',
    'FORWARDED_TO_STATION','INSUFFICIENT_INFORMATION','INSUFFICIENT_INFORMATION','FALSE_INFORMATION','DUPLICATE','SPAM_ABUSE'])[1 + floor(u_out * 12)::int]::"Outcome" END,
  1, now(),
  left(coalesce(txt.v, ''), 140), lower(coalesce(txt.v, ''))
FROM t, LATERAL (SELECT tx[1 + g % k] || ' ' || tx[1 + (g / k) % k] || ' near ' || g AS v
  FROM (SELECT :'texts'::text[] AS tx, greatest(1, cardinality(:'texts'::text[])) AS k) a) txt, LATERAL (SELECT CASE
  WHEN rcv > now() - interval '2 hours' AND u_state < 0.4 THEN 'NEW'
  WHEN rcv > now() - interval '3 days' THEN (ARRAY['NEW','IN_PROGRESS','WAITING_INFORMANT','CLOSED','CLOSED'])[1 + floor(u_state * 5)::int]
  WHEN u_state < 0.02 THEN 'MERGED' WHEN u_state < 0.05 THEN 'IN_PROGRESS' ELSE 'CLOSED' END AS status) st
-- Tips are written as they arrive: keep the table in arrival order, as in production.
ORDER BY rcv;

-- The trail the officers' table reads: who claimed and who closed.
INSERT INTO "TipEvent" ("tipId", "actorId", "type", "at")
SELECT "id", "assigneeId", 'claimed', "claimedAt" FROM "Tip" WHERE "claimedAt" IS NOT NULL AND "assigneeId" IS NOT NULL AND "ref" LIKE 'BN-%';
INSERT INTO "TipEvent" ("tipId", "actorId", "type", "toValue", "at")
SELECT "id", "assigneeId", 'closed', "outcome"::text, "closedAt" FROM "Tip" WHERE "closedAt" IS NOT NULL AND "assigneeId" IS NOT NULL AND "ref" LIKE 'BN-%';
-- Action requests for the stations' figures (ADR 0610): one station-bound tip in 20 went to its
-- station, released about an hour after it arrived and due 12 h later; ~90 % acknowledged
-- (log-normal around 30 min), ~70 % of those reported (log-normal around 6 h after) with an outcome;
-- the desk closes a request left unreported for 3 days, so only recent ones can be overdue now
-- (as at a working desk: the overdue list is what the SP Crime chases, not the whole history).
WITH x AS (
  SELECT t."id" AS tip_id, t."stationId" AS station_id, t."priority",
    least(t."receivedAt" + interval '1 hour', now() - interval '1 minute') AS rel,
    random() AS u_ack, random() AS u_rep,
    exp(ln(1800) + 1.0 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) * interval '1 second' AS ack_delay,
    exp(ln(6 * 3600) + 1.0 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) * interval '1 second' AS rep_delay
  FROM "Tip" t
  WHERE t."ref" LIKE 'BN-%' AND t."stationId" IS NOT NULL AND t."status" <> 'MERGED' AND random() < 0.05
), y AS (
  SELECT x.*,
    CASE WHEN u_ack < 0.9 AND rel + ack_delay < now() THEN rel + ack_delay END AS ack,
    CASE WHEN u_ack < 0.9 AND u_rep < 0.7 AND rel + ack_delay + rep_delay < now() THEN rel + ack_delay + rep_delay END AS rep
  FROM x
)
INSERT INTO "ActionRequest" ("id", "tipId", "stationId", "state", "priority", "what", "instructions", "dueAt", "draftedById",
  "releasedAt", "approvedAt", "sentAt", "acknowledgedAt", "reportedAt", "closedAt", "createdAt", "updatedAt")
SELECT gen_random_uuid(), tip_id, station_id,
  (CASE WHEN rep IS NOT NULL THEN 'REPORTED' WHEN rel <= now() - interval '3 days' THEN 'CLOSED'
    WHEN ack IS NOT NULL THEN 'ACKNOWLEDGED' ELSE 'SENT' END)::"RequestState",
  "priority", 'Bench brief', 'Verify and act', rel + interval '12 hours', (SELECT "id" FROM us WHERE k = 1),
  rel, rel, rel, ack, rep, CASE WHEN rep IS NULL AND rel <= now() - interval '3 days' THEN rel + interval '3 days' END, rel, now()
FROM y ORDER BY rel;

-- The station's reports: an acknowledgement, then the outcome.
INSERT INTO "ActionReport" ("id", "requestId", "authorId", "kind", "createdAt")
SELECT gen_random_uuid(), r."id", r."draftedById", 'ACKNOWLEDGED', r."acknowledgedAt"
FROM "ActionRequest" r WHERE r."what" = 'Bench brief' AND r."acknowledgedAt" IS NOT NULL;
INSERT INTO "ActionReport" ("id", "requestId", "authorId", "kind", "createdAt")
SELECT gen_random_uuid(), r."id", r."draftedById",
  (ARRAY['ACTION_TAKEN','ACTION_TAKEN','FIR_REGISTERED','ARREST','RECOVERY','NOT_FOUND'])[1 + floor(random() * 6)::int]::"ReportKind",
  r."reportedAt"
FROM "ActionRequest" r WHERE r."what" = 'Bench brief' AND r."reportedAt" IS NOT NULL;
COMMIT;
VACUUM ANALYZE "Tip";
VACUUM ANALYZE "TipEvent";
VACUUM ANALYZE "Informant";
VACUUM ANALYZE "ActionRequest";
VACUUM ANALYZE "ActionReport";
