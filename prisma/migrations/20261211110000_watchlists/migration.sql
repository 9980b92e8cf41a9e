-- Watchlists (docs/decisions/0702-watchlists.md): watch items, matched at ingest by a GIN lookup on their keys, and the tips they tagged.
-- CreateEnum
CREATE TYPE "WatchKind" AS ENUM ('ENTITY', 'PHRASE', 'PLACE');

-- CreateTable
CREATE TABLE "WatchItem" (
    "id" UUID NOT NULL,
    "kind" "WatchKind" NOT NULL,
    "entityKind" TEXT,
    "value" TEXT NOT NULL,
    "normalised" TEXT NOT NULL,
    "keys" TEXT[],
    "ownerId" UUID NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TipWatchHit" (
    "tipId" UUID NOT NULL,
    "watchId" UUID NOT NULL,
    "messageId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TipWatchHit_pkey" PRIMARY KEY ("tipId","watchId")
);

-- CreateIndex
CREATE INDEX "WatchItem_keys_idx" ON "WatchItem" USING GIN ("keys");

-- CreateIndex
CREATE UNIQUE INDEX "WatchItem_ownerId_kind_normalised_key" ON "WatchItem"("ownerId", "kind", "normalised");

-- CreateIndex
CREATE INDEX "TipWatchHit_watchId_createdAt_idx" ON "TipWatchHit"("watchId", "createdAt");

-- AddForeignKey
ALTER TABLE "WatchItem" ADD CONSTRAINT "WatchItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipWatchHit" ADD CONSTRAINT "TipWatchHit_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipWatchHit" ADD CONSTRAINT "TipWatchHit_watchId_fkey" FOREIGN KEY ("watchId") REFERENCES "WatchItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;


