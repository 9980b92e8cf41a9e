-- Poison input is stored sanitised (lib/ingest/sanitise.ts); the event records how much was repaired.
ALTER TABLE "WebhookEvent" ADD COLUMN "repairs" INTEGER NOT NULL DEFAULT 0;
