-- The message each seeded tip holds (the dashboard seed writes messageCount 1 and no message rows):
-- one inbound WhatsApp text whose body is the tip's preview, sent when the tip arrived, in arrival
-- order as ingest writes them. The tip page reads a tip's messages by ("tipId", "sentAt"); with one
-- per tip the table and that index grow with the archive. Run after bench/dashboard/seed.sql.
\set ON_ERROR_STOP on
INSERT INTO "Message" ("id", "tipId", "informantId", "direction", "kind", "body", "provider", "providerMessageId",
  "sentAt", "createdAt", "updatedAt")
SELECT gen_random_uuid(), t."id", t."informantId", 'INBOUND', 'TEXT', t."preview", 'META', 'wamid.bench-' || t."seq",
  t."receivedAt", t."receivedAt", t."receivedAt"
FROM "Tip" t WHERE t."ref" LIKE 'BN-%'
ORDER BY t."receivedAt";
