// The informant row an unconfirmed Exotel call is filed under: one per call, keyed by a hash of the
// call id (so the call's later callbacks find it), with no address at all. The number the callback
// claimed is never used, stored or matched: a forger learns nothing and joins nobody's tip.
import "server-only";
import type { Tx } from "../../db";
import { activePepperId, hashAddress } from "../../identity/crypto";
import { aliasCandidates } from "../../identity/alias";
import type { InformantRow } from "../upsert-informant";
import type { CallEvent } from "../types";

export async function unverifiedInformant(tx: Tx, ev: CallEvent): Promise<InformantRow> {
  const hash = hashAddress(`unverified-call:${ev.provider}:${ev.callId}`);
  const [row] = await tx.$queryRaw<InformantRow[]>`
    SELECT * FROM mukhbir_internal.upsert_informant(${JSON.stringify([{ hash, cipher: null }])}::jsonb, NULL, NULL, ${"none"}, ${activePepperId()}, 'VOICE'::"Channel", ${ev.at}, ${aliasCandidates()}::text[])`;
  return row;
}
