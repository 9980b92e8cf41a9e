-- Key and pepper rotation (`npm run identity:rotate`, docs/decisions/0153-key-and-pepper-rotation.md):
-- each keyed hash records the pepper it was made with. Existing rows get it from a data step at
-- start (only the app knows the pepper).
ALTER TABLE "Informant" ADD COLUMN "pepperId" TEXT;
ALTER TABLE "InformantIdentifier" ADD COLUMN "pepperId" TEXT;
