-- The tip page lists the tips merged into this one (Tip.mergedFrom: WHERE "mergedIntoId" = $1), and
-- nothing indexed that column: a sequential scan of the whole archive on every tip view (~200 ms at
-- 1M tips, found by the scale bench, ADR 0811). Only merged tips have it, so the index is partial.
CREATE INDEX "Tip_mergedIntoId_idx" ON "Tip"("mergedIntoId") WHERE ("mergedIntoId" IS NOT NULL);
