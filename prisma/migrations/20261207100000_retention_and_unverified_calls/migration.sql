-- Retention (ADR 0212) and unconfirmed Exotel calls (ADR 0211).
-- An informant's encrypted address can be destroyed after a period without activity, and an
-- unconfirmed call's informant never has one: the column becomes optional.
ALTER TABLE "Informant" ALTER COLUMN "addressCipher" DROP NOT NULL;
ALTER TABLE "Informant" ADD COLUMN "addressDestroyedAt" TIMESTAMPTZ(3);
CREATE INDEX "Informant_lastSeenAt_idx" ON "Informant"("lastSeenAt");

-- Stored webhook payloads are emptied after their period; the event row (idempotency key, status) stays.
ALTER TABLE "WebhookEvent" ADD COLUMN "payloadPurgedAt" TIMESTAMPTZ(3);

-- Every identifier's ciphertext goes with the address (ADR 0212); an unconfirmed call's has none.
ALTER TABLE "InformantIdentifier" ALTER COLUMN "cipher" DROP NOT NULL;
