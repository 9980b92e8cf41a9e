-- The "Breaching SLA" count reads, per priority, the open tips received within one hour
-- (docs/decisions/0302-queue-view-counters.md): an index-only range on this index.

-- CreateIndex
CREATE INDEX "Tip_open_clock_idx" ON "Tip"("priority", "receivedAt", "firstResponseAt", "stationId") WHERE (status = ANY (ARRAY['NEW'::"TipStatus", 'IN_PROGRESS'::"TipStatus", 'WAITING_INFORMANT'::"TipStatus"]));
