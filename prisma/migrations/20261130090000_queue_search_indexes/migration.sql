-- Queue search and views (docs/decisions/0300-queue-search-and-indexes.md).
-- pg_trgm is created here by hand: the Prisma schema does not declare it (see the ADR).

CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Tip_searchText_idx" ON "Tip" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Tip_open_unassigned_idx" ON "Tip"("receivedAt", "id") WHERE ("assigneeId" IS NULL) AND (status = ANY (ARRAY['NEW'::"TipStatus", 'IN_PROGRESS'::"TipStatus", 'WAITING_INFORMANT'::"TipStatus"]));

-- CreateIndex
CREATE INDEX "Tip_open_idx" ON "Tip"("receivedAt", "id") WHERE (status = ANY (ARRAY['NEW'::"TipStatus", 'IN_PROGRESS'::"TipStatus", 'WAITING_INFORMANT'::"TipStatus"]));


