-- DropIndex
DROP INDEX "TipEvent_type_at_idx";

-- CreateIndex
CREATE INDEX "Tip_dashboard_idx" ON "Tip"("receivedAt", "status", "category", "stationId", "channel", "priority", "assigneeId", "firstResponseAt", "closedAt", "outcome");

-- CreateIndex
CREATE INDEX "TipEvent_type_at_actorId_idx" ON "TipEvent"("type", "at", "actorId");


