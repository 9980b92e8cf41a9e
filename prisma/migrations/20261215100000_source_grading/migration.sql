-- Source and information grading (docs/decisions/0707, 0708, 0709): the officer's 3x5x2 grade on each tip,
-- and each alias's standing kept by a trigger in the closing transaction.
-- CreateEnum
CREATE TYPE "SourceGrade" AS ENUM ('RELIABLE', 'UNTESTED', 'NOT_RELIABLE');

-- CreateEnum
CREATE TYPE "IntelGrade" AS ENUM ('A', 'B', 'C', 'D', 'E');

-- CreateEnum
CREATE TYPE "HandlingCode" AS ENUM ('P', 'C');

-- AlterTable
ALTER TABLE "Tip" ADD COLUMN     "gradedAt" TIMESTAMPTZ(3),
ADD COLUMN     "handlingCode" "HandlingCode",
ADD COLUMN     "intelGrade" "IntelGrade",
ADD COLUMN     "sourceGrade" "SourceGrade";

-- CreateTable
CREATE TABLE "InformantStanding" (
    "informantId" UUID NOT NULL,
    "actioned" INTEGER NOT NULL DEFAULT 0,
    "falseInfo" INTEGER NOT NULL DEFAULT 0,
    "abuse" INTEGER NOT NULL DEFAULT 0,
    "abusingAt" TIMESTAMPTZ(3),
    "abusingById" UUID,
    "abusingReason" TEXT,

    CONSTRAINT "InformantStanding_pkey" PRIMARY KEY ("informantId")
);

-- AddForeignKey
ALTER TABLE "InformantStanding" ADD CONSTRAINT "InformantStanding_informantId_fkey" FOREIGN KEY ("informantId") REFERENCES "Informant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The standing counters follow "Tip"."outcome" (docs/decisions/0708-informant-standing-counters.md):
-- every close, bulk close, reopen or deletion changes them in its own transaction, whichever code
-- path did it, so the queue reads one row per informant instead of scanning their history. Prisma's
-- schema diff sees neither functions nor triggers.
CREATE SCHEMA IF NOT EXISTS mukhbir_internal;

CREATE OR REPLACE FUNCTION mukhbir_internal.standing_add(informant uuid, outcome text, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  a integer := CASE WHEN outcome IN ('ACTIONED', 'FIR_REGISTERED', 'ARREST_MADE', 'RECOVERY_SEIZURE') THEN sign ELSE 0 END;
  f integer := CASE WHEN outcome = 'FALSE_INFORMATION' THEN sign ELSE 0 END;
  m integer := CASE WHEN outcome = 'SPAM_ABUSE' THEN sign ELSE 0 END;
BEGIN
  -- Neutral outcomes (forwarded, insufficient, duplicate) touch no row.
  IF a = 0 AND f = 0 AND m = 0 THEN RETURN; END IF;
  INSERT INTO "InformantStanding" ("informantId", "actioned", "falseInfo", "abuse")
    VALUES (informant, a, f, m)
    ON CONFLICT ("informantId") DO UPDATE SET
      "actioned" = "InformantStanding"."actioned" + EXCLUDED."actioned",
      "falseInfo" = "InformantStanding"."falseInfo" + EXCLUDED."falseInfo",
      "abuse" = "InformantStanding"."abuse" + EXCLUDED."abuse";
END
$$;

CREATE OR REPLACE FUNCTION mukhbir_internal.standing_tip_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."outcome" IS NOT NULL THEN
    PERFORM mukhbir_internal.standing_add(OLD."informantId", OLD."outcome"::text, -1);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."outcome" IS NOT NULL THEN
    PERFORM mukhbir_internal.standing_add(NEW."informantId", NEW."outcome"::text, 1);
  END IF;
  RETURN NULL;
END
$$;

-- Only writes that set or change an outcome: ingest's per-message UPDATEs never queue this trigger.
CREATE TRIGGER standing_tip_insert AFTER INSERT ON "Tip"
  FOR EACH ROW WHEN (NEW."outcome" IS NOT NULL)
  EXECUTE FUNCTION mukhbir_internal.standing_tip_change();

CREATE TRIGGER standing_tip_update AFTER UPDATE OF "outcome", "informantId" ON "Tip"
  FOR EACH ROW WHEN ((OLD."outcome", OLD."informantId") IS DISTINCT FROM (NEW."outcome", NEW."informantId"))
  EXECUTE FUNCTION mukhbir_internal.standing_tip_change();

CREATE TRIGGER standing_tip_delete AFTER DELETE ON "Tip"
  FOR EACH ROW WHEN (OLD."outcome" IS NOT NULL)
  EXECUTE FUNCTION mukhbir_internal.standing_tip_change();

-- Backfill after the triggers exist: CREATE TRIGGER locks "Tip" against writes until this migration
-- commits, so no close falls between the two.
INSERT INTO "InformantStanding" ("informantId", "actioned", "falseInfo", "abuse")
  SELECT "informantId",
    count(*) FILTER (WHERE "outcome" IN ('ACTIONED', 'FIR_REGISTERED', 'ARREST_MADE', 'RECOVERY_SEIZURE')),
    count(*) FILTER (WHERE "outcome" = 'FALSE_INFORMATION'),
    count(*) FILTER (WHERE "outcome" = 'SPAM_ABUSE')
  FROM "Tip"
  WHERE "outcome" IN ('ACTIONED', 'FIR_REGISTERED', 'ARREST_MADE', 'RECOVERY_SEIZURE', 'FALSE_INFORMATION', 'SPAM_ABUSE')
  GROUP BY 1;
