// Finds or creates the informant for a sender, matched only by the keyed hash of the canonical
// address. Safe under concurrency without read-then-write: the UPDATE takes the informant's row
// lock (serialising everything else this transaction does for the same person — threading, tip
// creation); a first contact INSERTs with ON CONFLICT DO NOTHING, and when that inserts nothing
// either a concurrent transaction created the same informant (the next UPDATE finds and locks it)
// or the random alias collided (the next attempt draws another). UPDATE and INSERT go in one
// statement (the INSERT only when the UPDATE matched nothing): one round trip per attempt.
import "server-only";
import crypto from "node:crypto";
import type { Tx } from "../db";
import type { Channel } from "../generated/prisma/enums";
import { encrypt, hashAddress } from "../identity/crypto";
import { formatAddress } from "../identity/address";
import { aliasLength, newAlias } from "../identity/alias";
import type { Sender } from "./types";

/** `created`: this transaction made the row (a first contact, so no tips yet). */
export type InformantRow = { id: string; alias: string; blocked: boolean; created: boolean };

export async function upsertInformant(tx: Tx, sender: Sender, channel: Channel, at: Date): Promise<InformantRow> {
  // Only a WhatsApp message opens WhatsApp's 24-hour reply window (lastInboundAt); a call does not.
  const opensWindow = channel === "WHATSAPP";
  const hash = hashAddress(sender.address);
  const plainAddress = formatAddress(sender.address);
  const name = sender.name?.trim() ? encrypt(sender.name.trim()) : undefined;
  // addressCipher and nameCipher share one keyId: a new name re-encrypts the address under the
  // same (active) key, so the row never mixes keys.
  const address = encrypt(plainAddress);
  for (let attempt = 0; attempt < 10; attempt++) {
    const [row] = await tx.$queryRaw<InformantRow[]>`
      WITH found AS (
        UPDATE "Informant" SET
          "lastSeenAt" = GREATEST("lastSeenAt", ${at}),
          "lastInboundAt" = CASE WHEN ${opensWindow} THEN GREATEST(COALESCE("lastInboundAt", ${at}), ${at}) ELSE "lastInboundAt" END,
          "nameCipher" = COALESCE(${name?.cipher ?? null}, "nameCipher"),
          "addressCipher" = COALESCE(${name ? address.cipher : null}, "addressCipher"),
          "keyId" = COALESCE(${name ? address.keyId : null}, "keyId")
        WHERE "addressHash" = ${hash}
        RETURNING "id", "alias", "blocked", false AS "created"
      ), created AS (
        INSERT INTO "Informant" ("id", "alias", "channel", "addressHash", "addressCipher", "nameCipher", "keyId", "firstSeenAt", "lastSeenAt", "lastInboundAt")
        SELECT ${crypto.randomUUID()}::uuid, ${newAlias(aliasLength(attempt))}, ${channel}::"Channel", ${hash}, ${address.cipher}, ${name?.cipher ?? null}, ${address.keyId}, ${at}, ${at}, ${opensWindow ? at : null}::timestamptz
        WHERE NOT EXISTS (SELECT 1 FROM found)
        ON CONFLICT DO NOTHING
        RETURNING "id", "alias", "blocked", true AS "created"
      )
      SELECT * FROM found UNION ALL SELECT * FROM created`;
    if (row) return row;
  }
  throw new Error("could not allocate an informant alias");
}
