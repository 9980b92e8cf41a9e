// Finds or creates the informant for a sender, matched only by the keyed hash of the canonical
// address, in the caller's transaction: mukhbir_internal.upsert_informant (migration
// 20261201000000_ingest_message_function) takes the informant's row lock, which serialises
// everything else this transaction does for the same person (threading, tip creation), and
// retries over the alias candidates on a collision. Inbound messages call the same function from
// inside mukhbir_internal.ingest_message.
import "server-only";
import type { Tx } from "../db";
import type { Channel } from "../generated/prisma/enums";
import { encrypt, hashAddress } from "../identity/crypto";
import { formatAddress } from "../identity/address";
import { aliasCandidates } from "../identity/alias";
import type { Sender } from "./types";

/** `created`: this transaction made the row (a first contact, so no tips yet). */
export type InformantRow = { id: string; alias: string; blocked: boolean; created: boolean };

export async function upsertInformant(tx: Tx, sender: Sender, channel: Channel, at: Date): Promise<InformantRow> {
  const i = informantInput(sender);
  const [row] = await tx.$queryRaw<InformantRow[]>`
    SELECT * FROM mukhbir_internal.upsert_informant(${i.hash}, ${i.addressCipher}, ${i.nameCipher}, ${i.keyId}, ${channel}::"Channel", ${at}, ${i.aliases}::text[])`;
  return row;
}

/** What the database gets for a sender: the keyed hash, ciphertexts and alias candidates, never the address or name. */
export function informantInput(sender: Sender) {
  const name = sender.name?.trim() ? encrypt(sender.name.trim()) : undefined;
  // addressCipher and nameCipher share one keyId: a new name re-encrypts the address under the same (active) key.
  const address = encrypt(formatAddress(sender.address));
  return { hash: hashAddress(sender.address), addressCipher: address.cipher, nameCipher: name?.cipher ?? null, keyId: address.keyId, aliases: aliasCandidates() };
}
