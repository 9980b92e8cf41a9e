// Stores the entities found in a message on its tip. A mobile number that is the informant's own
// (matched by the keyed hash, never by plaintext) is not indexed: it would put the informant's
// identity in front of officers. Ingest computes the list with `entitiesToIndex` and inserts it in
// its own statement (lib/ingest/store-message.ts); other writers call `indexTipEntities`.
import "server-only";
import type { Tx } from "../db";
import { addressHashes } from "../identity/crypto";
import { extractEntities, type Entity } from "./extract";

/** The entities in `text`, without the number whose keyed hash is the informant's own. */
export function entitiesToIndex(text: string, informantHash: string | undefined): Entity[] {
  return extractEntities(text).filter(notOwnNumber(informantHash));
}

const notOwnNumber = (informantHash: string | undefined) => (e: Entity) =>
  e.kind !== "mobile" || !informantHash || !addressHashes({ kind: "phone", value: `91${e.value}` }).includes(informantHash);

export async function indexTipEntities(tx: Tx, tipId: string, text: string): Promise<Entity[]> {
  const found = extractEntities(text);
  if (!found.length) return [];
  let own: string | undefined;
  if (found.some((e) => e.kind === "mobile")) {
    const tip = await tx.tip.findUnique({ where: { id: tipId }, select: { informant: { select: { addressHash: true } } } });
    own = tip?.informant.addressHash;
  }
  const keep = found.filter(notOwnNumber(own));
  if (keep.length) await tx.tipEntity.createMany({ data: keep.map((e) => ({ tipId, kind: e.kind, value: e.value })), skipDuplicates: true });
  return keep;
}
