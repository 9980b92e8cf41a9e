-- One informant per person, whichever identifiers a message carries (issue: a sender seen with a
-- number, then a business-scoped user id, then both, was two informants). Every known identifier
-- is a row; existing informants contribute the one they were matched by.
CREATE TABLE "InformantIdentifier" (
    "hash" TEXT NOT NULL,
    "informantId" UUID NOT NULL,
    "cipher" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InformantIdentifier_pkey" PRIMARY KEY ("hash")
);

CREATE INDEX "InformantIdentifier_informantId_idx" ON "InformantIdentifier"("informantId");

ALTER TABLE "InformantIdentifier" ADD CONSTRAINT "InformantIdentifier_informantId_fkey" FOREIGN KEY ("informantId") REFERENCES "Informant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "InformantIdentifier" ("hash", "informantId", "cipher", "keyId", "firstSeenAt")
SELECT "addressHash", "id", "addressCipher", "keyId", "firstSeenAt" FROM "Informant"
ON CONFLICT DO NOTHING;
