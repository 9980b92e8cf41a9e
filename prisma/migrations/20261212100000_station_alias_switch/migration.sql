-- Per-station switch (docs/decisions/0606-station-alias-switch.md): may this station's own officers read the informant alias? Off by default.
-- AlterTable
ALTER TABLE "PoliceStation" ADD COLUMN     "showInformantAlias" BOOLEAN NOT NULL DEFAULT false;
