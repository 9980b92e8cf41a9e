// Stores the entities found in a message on its tip, inside the ingest transaction. A mobile number
// that is the informant's own (matched by the keyed hash, never by plaintext) is not indexed: it
// would put the informant's identity in front of officers.
import "server-only";
import type { Tx } from "../db";
import { hashAddress } from "../identity/crypto";
import { extractEntities, type Entity } from "./extract";

export async function indexTipEntities(tx: Tx, tipId: string, text: string): Promise<Entity[]> {
  const found = extractEntities(text);
  if (!found.length) return [];
  let own: string | undefined;
  if (found.some((e) => e.kind === "mobile")) {
    const tip = await tx.tip.findUnique({ where: { id: tipId }, select: { informant: { select: { addressHash: true } } } });
    own = tip?.informant.addressHash;
  }
  const keep = found.filter((e) => e.kind !== "mobile" || hashAddress({ kind: "phone", value: `91${e.value}` }) !== own);
  if (keep.length) await tx.tipEntity.createMany({ data: keep.map((e) => ({ tipId, kind: e.kind, value: e.value })), skipDuplicates: true });
  return keep;
}
