// "First response" (docs/SLA.md): an officer's claim or reply, whichever comes first. Every path
// that claims a tip or sends an officer's reply calls this inside its transaction; it only ever
// sets the timestamp once.
import "server-only";
import type { Tx } from "../db";

export async function noteFirstResponse(tx: Tx, tipId: string, at: Date = new Date()) {
  await tx.$executeRaw`UPDATE "Tip" SET "firstResponseAt" = ${at} WHERE "id" = ${tipId}::uuid AND "firstResponseAt" IS NULL`;
}
