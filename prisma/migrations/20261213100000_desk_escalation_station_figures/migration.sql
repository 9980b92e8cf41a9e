-- Desk escalation (ADR 0609): the SP Crime's desk as a contact without a station, pages about an
-- unclaimed urgent tip (a notification row with a tip instead of a request), and the stage a tip's
-- unclaimed escalation reached.
ALTER TYPE "ContactRole" ADD VALUE IF NOT EXISTS 'SP_CRIME';
ALTER TABLE "DutyContact" ALTER COLUMN "stationId" DROP NOT NULL;
ALTER TABLE "Tip" ADD COLUMN "unclaimedStage" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "StationNotification" ALTER COLUMN "requestId" DROP NOT NULL;
ALTER TABLE "StationNotification" ADD COLUMN "tipId" UUID;
ALTER TABLE "StationNotification" ADD CONSTRAINT "StationNotification_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE UNIQUE INDEX "StationNotification_tipId_contactId_stage_key" ON "StationNotification"("tipId", "contactId", "stage");
CREATE INDEX "ActionRequest_releasedAt_idx" ON "ActionRequest"("releasedAt");
-- The minute sweep and the queue's alert list read only open, unassigned urgent tips.
CREATE INDEX "Tip_unclaimed_urgent_idx" ON "Tip"("receivedAt") WHERE (priority = 'URGENT'::"Priority") AND ("assigneeId" IS NULL) AND (status = ANY (ARRAY['NEW'::"TipStatus", 'IN_PROGRESS'::"TipStatus", 'WAITING_INFORMANT'::"TipStatus"]));

-- The dashboard's station figures (ADR 0610): per IST release day and station, the requests
-- released, acknowledged and reported with their summed delays, and their outcomes. Built lazily
-- by the app (lib/dashboard/station-figures.ts, the one definition); a day counts only while it is
-- clean (a req_day_built row, no req_dirty mark, not today). Anything else is read from
-- "ActionRequest" in the same statement, so a figure is exact whatever the rollups' state.
CREATE SCHEMA IF NOT EXISTS mukhbir_internal;
CREATE TABLE IF NOT EXISTS mukhbir_internal.req_day (
  day date NOT NULL,
  station_id uuid NOT NULL,
  released int NOT NULL,
  acked int NOT NULL,
  ack_ms bigint NOT NULL,
  reported int NOT NULL,
  report_ms bigint NOT NULL,
  action_taken int NOT NULL,
  fir int NOT NULL,
  arrest int NOT NULL,
  recovery int NOT NULL,
  not_found int NOT NULL,
  PRIMARY KEY (day, station_id)
);
CREATE TABLE IF NOT EXISTS mukhbir_internal.req_day_built (day date PRIMARY KEY, built_at timestamptz NOT NULL DEFAULT now());
-- Append-only marks, as dash_dirty: writers never wait on each other; the build deletes what it saw.
CREATE TABLE IF NOT EXISTS mukhbir_internal.req_dirty (day date NOT NULL);
CREATE INDEX IF NOT EXISTS req_dirty_day_idx ON mukhbir_internal.req_dirty (day);

-- The triggers that write the marks are prisma/functions/req_changed.sql and req_report_changed.sql.
