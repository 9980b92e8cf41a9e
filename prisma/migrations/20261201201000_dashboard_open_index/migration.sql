-- The dashboard reads a range's open tips live (ADR 0520): every column it needs, only open tips.
CREATE INDEX "Tip_open_dashboard_idx" ON "Tip"("receivedAt", "status", "category", "stationId", "channel", "priority", "assigneeId", "firstResponseAt", "closedAt", "outcome") WHERE (status = ANY (ARRAY['NEW'::"TipStatus", 'IN_PROGRESS'::"TipStatus", 'WAITING_INFORMANT'::"TipStatus"]));
