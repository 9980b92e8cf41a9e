// Keyed hashes made before peppers were recorded were made with the pepper configured at upgrade
// (upgrade first, rotate later — docs/decisions/0153-key-and-pepper-rotation.md): say so on them.
import type { DataStep } from "../data-steps";
import { pepperId } from "../../identity/keyed-hash";
import { env } from "../../env";

export const recordPepperIds: DataStep = {
  name: "20261205-record-pepper-ids",
  async run(raw) {
    const id = pepperId(env().IDENTITY_PEPPER);
    await raw.query(`UPDATE "Informant" SET "pepperId" = $1 WHERE "pepperId" IS NULL`, [id]);
    await raw.query(`UPDATE "InformantIdentifier" SET "pepperId" = $1 WHERE "pepperId" IS NULL`, [id]);
  },
};
