// Finds or creates the informant for a sender in the caller's transaction, matched only by keyed
// hashes: mukhbir_internal.upsert_informant (prisma/functions/upsert_informant.sql) links every
// identifier the sender came with (a number beside a business-scoped user id) to one informant,
// merges informants they prove to be one person, and holds a lock per identifier that serialises
// everything else this transaction does for the same person (threading, tip creation). Inbound
// messages call the same function from inside mukhbir_internal.ingest_message.
import "server-only";
import type { Tx } from "../db";
import type { Channel } from "../generated/prisma/enums";
import { env } from "../env";
import { activePepperId, addressHashes, encrypt } from "../identity/crypto";
import { formatAddress } from "../identity/address";
import { aliasCandidates } from "../identity/alias";
import type { Sender } from "./types";

/** `created`: this transaction made the row (a first contact, so no tips yet). */
export type InformantRow = { id: string; alias: string; blocked: boolean; created: boolean };

export async function upsertInformant(tx: Tx, sender: Sender, channel: Channel, at: Date): Promise<InformantRow> {
  const i = informantInput(sender);
  const [row] = await tx.$queryRaw<InformantRow[]>`
    SELECT * FROM mukhbir_internal.upsert_informant(${JSON.stringify(i.ids)}::jsonb, ${i.addressCipher}, ${i.nameCipher}, ${i.keyId}, ${i.pepperId}, ${channel}::"Channel", ${at}, ${i.aliases}::text[])`;
  return row;
}

/** Every identifier of a sender: the one replied to first. */
export function senderAddresses(sender: Sender) {
  return [sender.address, ...(sender.also ?? [])];
}

/** What the database gets for a sender: keyed hashes, ciphertexts and alias candidates, never an address or a name. */
export function informantInput(sender: Sender) {
  const name = sender.name?.trim() ? encrypt(sender.name.trim()) : undefined;
  // Every ciphertext of one call shares the active key: a new name re-encrypts the address under it.
  const ids = senderAddresses(sender).map((a) => {
    // During a pepper rotation the same identifier may still be stored under a previous pepper.
    const [hash, ...previous] = addressHashes(a);
    return { hash, cipher: encrypt(formatAddress(a)).cipher, previous };
  });
  const keyId = env().IDENTITY_ACTIVE_KEY;
  return {
    ids,
    hash: ids[0].hash,
    addressCipher: ids[0].cipher,
    nameCipher: name?.cipher ?? null,
    keyId,
    pepperId: activePepperId(),
    aliases: aliasCandidates(),
  };
}
