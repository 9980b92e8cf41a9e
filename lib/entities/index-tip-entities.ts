// Stores the entities found in a message on its tip. A mobile number that is the informant's own
// (matched by the keyed hash, never by plaintext) is not indexed: it would put the informant's
// identity in front of officers. Ingest computes the list with `entitiesToIndex` and inserts it in
// its own statement (lib/ingest/store-message.ts); other writers call `indexTipEntities`.
import "server-only";
import type { Tx } from "../db";
import { addressHashes } from "../identity/crypto";
import { extractEntities, upiMobile, type Entity } from "./extract";
import { currentGazetteer, refreshGazetteer } from "./current-gazetteer";

/**
 * The entities in `text`, without the number whose keyed hash is the informant's own. Synchronous:
 * the caller awaits `refreshGazetteer()` first so an admin's upload applies (ADR 0704).
 */
export function entitiesToIndex(text: string, informantHash: string | undefined): Entity[] {
  return extractEntities(text, currentGazetteer()).filter(notOwnNumber(informantHash));
}

const isOwn = (informantHash: string, mobile: string) =>
  addressHashes({ kind: "phone", value: `91${mobile}` }).includes(informantHash);

/** Not the informant's own number, nor a UPI id or account built on it (`9876543210@ybl`). */
const notOwnNumber = (informantHash: string | undefined) => (e: Entity) => {
  if (!informantHash) return true;
  if (e.kind === "mobile") return !isOwn(informantHash, e.value);
  if (e.kind === "upi") {
    const m = upiMobile(e.value);
    return !m || !isOwn(informantHash, m);
  }
  if (e.kind === "bank") {
    const digits = e.value.split("/").pop()!;
    return !(digits.length >= 10 && isOwn(informantHash, digits.slice(-10)));
  }
  return true;
};

export async function indexTipEntities(tx: Tx, tipId: string, text: string): Promise<Entity[]> {
  await refreshGazetteer(tx);
  const found = extractEntities(text, currentGazetteer());
  if (!found.length) return [];
  let own: string | undefined;
  if (found.some((e) => e.kind === "mobile" || e.kind === "upi" || e.kind === "bank")) {
    const tip = await tx.tip.findUnique({
      where: { id: tipId },
      select: { informant: { select: { addressHash: true } } },
    });
    own = tip?.informant.addressHash;
  }
  const keep = found.filter(notOwnNumber(own));
  if (keep.length)
    await tx.tipEntity.createMany({
      data: keep.map((e) => ({ tipId, kind: e.kind, value: e.value })),
      skipDuplicates: true,
    });
  return keep;
}
