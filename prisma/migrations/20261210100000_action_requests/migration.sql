-- Action requests to police stations (ADRs 0600-0604): cleaned briefs, their images, station reports, field photos, duty contacts, their notifications and escalation stages.
-- CreateEnum
CREATE TYPE "RequestState" AS ENUM ('DRAFTED', 'APPROVED', 'SENT', 'ACKNOWLEDGED', 'REPORTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('ACKNOWLEDGED', 'ACTION_TAKEN', 'FIR_REGISTERED', 'ARREST', 'RECOVERY', 'NOT_FOUND');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('WHATSAPP', 'SMS');

-- CreateEnum
CREATE TYPE "ContactRole" AS ENUM ('DUTY', 'SENIOR');

-- CreateEnum
CREATE TYPE "NotifyState" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "ActionRequest" (
    "id" UUID NOT NULL,
    "tipId" UUID NOT NULL,
    "stationId" UUID NOT NULL,
    "state" "RequestState" NOT NULL DEFAULT 'DRAFTED',
    "priority" "Priority" NOT NULL,
    "what" TEXT NOT NULL,
    "where" TEXT NOT NULL DEFAULT '',
    "when" TEXT NOT NULL DEFAULT '',
    "whoNamed" TEXT NOT NULL DEFAULT '',
    "instructions" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "warnings" INTEGER NOT NULL DEFAULT 0,
    "draftedById" UUID NOT NULL,
    "releasedAt" TIMESTAMPTZ(3),
    "approvedById" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "acknowledgedAt" TIMESTAMPTZ(3),
    "reportedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "escalatedStage" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ActionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionRequestMedia" (
    "requestId" UUID NOT NULL,
    "attachmentId" UUID NOT NULL,

    CONSTRAINT "ActionRequestMedia_pkey" PRIMARY KEY ("requestId","attachmentId")
);

-- CreateTable
CREATE TABLE "ActionReport" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "kind" "ReportKind" NOT NULL,
    "firNumber" TEXT,
    "arrests" INTEGER,
    "seizedWhat" TEXT,
    "seizedQty" TEXT,
    "details" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FieldPhoto" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "uploadedById" UUID NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FieldPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyContact" (
    "id" UUID NOT NULL,
    "stationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "channel" "ContactChannel" NOT NULL DEFAULT 'WHATSAPP',
    "role" "ContactRole" NOT NULL DEFAULT 'DUTY',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DutyContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StationNotification" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "stage" TEXT NOT NULL,
    "state" "NotifyState" NOT NULL DEFAULT 'PENDING',
    "providerId" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StationNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActionRequest_tipId_createdAt_idx" ON "ActionRequest"("tipId", "createdAt");

-- CreateIndex
CREATE INDEX "ActionRequest_stationId_state_dueAt_idx" ON "ActionRequest"("stationId", "state", "dueAt");

-- CreateIndex
CREATE INDEX "ActionRequest_state_dueAt_idx" ON "ActionRequest"("state", "dueAt");

-- CreateIndex
CREATE INDEX "ActionRequestMedia_attachmentId_idx" ON "ActionRequestMedia"("attachmentId");

-- CreateIndex
CREATE INDEX "ActionReport_requestId_createdAt_idx" ON "ActionReport"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "FieldPhoto_reportId_idx" ON "FieldPhoto"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "DutyContact_stationId_phone_key" ON "DutyContact"("stationId", "phone");

-- CreateIndex
CREATE UNIQUE INDEX "StationNotification_requestId_contactId_stage_key" ON "StationNotification"("requestId", "contactId", "stage");

-- AddForeignKey
ALTER TABLE "ActionRequest" ADD CONSTRAINT "ActionRequest_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionRequest" ADD CONSTRAINT "ActionRequest_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "PoliceStation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionRequest" ADD CONSTRAINT "ActionRequest_draftedById_fkey" FOREIGN KEY ("draftedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionRequest" ADD CONSTRAINT "ActionRequest_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionRequestMedia" ADD CONSTRAINT "ActionRequestMedia_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ActionRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionRequestMedia" ADD CONSTRAINT "ActionRequestMedia_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionReport" ADD CONSTRAINT "ActionReport_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ActionRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionReport" ADD CONSTRAINT "ActionReport_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FieldPhoto" ADD CONSTRAINT "FieldPhoto_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ActionReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FieldPhoto" ADD CONSTRAINT "FieldPhoto_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyContact" ADD CONSTRAINT "DutyContact_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "PoliceStation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StationNotification" ADD CONSTRAINT "StationNotification_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ActionRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StationNotification" ADD CONSTRAINT "StationNotification_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "DutyContact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


