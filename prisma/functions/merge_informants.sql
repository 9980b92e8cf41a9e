-- Two (or more) informants found to be one person (a delivery carried identifiers of both): the
-- survivor — the one seen first — takes over their tips, messages and identifiers, their
-- first-seen time and their block; the others are deleted, so one alias remains.
CREATE OR REPLACE FUNCTION mukhbir_internal.merge_informants(p_survivor uuid, p_others uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public."Informant" s SET
    "firstSeenAt" = LEAST(s."firstSeenAt", o.first_seen),
    "lastSeenAt" = GREATEST(s."lastSeenAt", o.last_seen),
    "lastInboundAt" = GREATEST(s."lastInboundAt", o.last_inbound),
    "blocked" = s."blocked" OR o.blocked,
    "blockedAt" = COALESCE(s."blockedAt", o.blocked_at),
    "blockedReason" = COALESCE(s."blockedReason", o.blocked_reason)
  FROM (SELECT min("firstSeenAt") AS first_seen, max("lastSeenAt") AS last_seen, max("lastInboundAt") AS last_inbound, bool_or("blocked") AS blocked,
               min("blockedAt") AS blocked_at, min("blockedReason") AS blocked_reason
        FROM public."Informant" WHERE "id" = ANY(p_others)) AS o
  WHERE s."id" = p_survivor;
  UPDATE public."Tip" SET "informantId" = p_survivor WHERE "informantId" = ANY(p_others);
  UPDATE public."Message" SET "informantId" = p_survivor WHERE "informantId" = ANY(p_others);
  UPDATE public."InformantIdentifier" SET "informantId" = p_survivor WHERE "informantId" = ANY(p_others);
  DELETE FROM public."Informant" WHERE "id" = ANY(p_others);
END
$$;
