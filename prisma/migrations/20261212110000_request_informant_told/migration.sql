-- The desk's fixed "action taken" message to the informant (docs/decisions/0607-informant-action-taken-message.md): once per request.
-- AlterTable
ALTER TABLE "ActionRequest" ADD COLUMN     "informantMessageId" UUID,
ADD COLUMN     "informantToldAt" TIMESTAMPTZ(3);
