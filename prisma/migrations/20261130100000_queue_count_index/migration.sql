-- CreateIndex
CREATE INDEX "Tip_open_counts_idx" ON "Tip"("assigneeId", "status", "priority", "receivedAt", "firstResponseAt", "stationId") WHERE (status = ANY (ARRAY['NEW'::"TipStatus", 'IN_PROGRESS'::"TipStatus", 'WAITING_INFORMANT'::"TipStatus"]));


