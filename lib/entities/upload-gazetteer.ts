// An admin replaces the district's gazetteer with a CSV (ADR 0704). All or nothing: any broken row
// (or a file too large, or not text) refuses the whole file with every bad row named, and the
// gazetteer in use stays as it was. A good file is stored in the database (every instance picks it
// up within REFRESH_MS; this one at once), audited, and used by the next extraction; old messages
// are read again by the entities backfill for the new places (ADR 0715). Places dropped from the
// gazetteer stay on the tips that named them.
import "server-only";
import crypto from "node:crypto";
import { db } from "../db";
import { saveSetting } from "../save-setting";
import { AppError } from "../errors";
import type { Actor } from "../auth/guard";
import { parseGazetteer } from "./gazetteer";
import { GAZETTEER_SETTING_KEY, refreshGazetteer, type StoredGazetteer } from "./current-gazetteer";
import { restartBackfill } from "../jobs/backfill";
import { entitiesBackfill } from "./backfill";

export const MAX_GAZETTEER_BYTES = 256 * 1024;
/** Rows named in one refusal; the message says how many more there were. */
const NAMED = 20;

export async function uploadGazetteer(actor: Actor, csv: unknown) {
  if (typeof csv !== "string" || !csv.trim()) throw new AppError("invalid", "no file", { reason: "gazetteerEmpty" });
  if (Buffer.byteLength(csv, "utf8") > MAX_GAZETTEER_BYTES)
    throw new AppError("invalid", "file too large", { reason: "gazetteerTooLarge" });
  const parsed = parseGazetteer(csv);
  if (!parsed.ok)
    throw new AppError("invalid", "broken rows", {
      reason: "gazetteerRows",
      rows: parsed.errors
        .slice(0, NAMED)
        .map((e) => `${e.line}:${e.code}`)
        .join(","),
      more: Math.max(0, parsed.errors.length - NAMED),
    });
  const places = parsed.gazetteer.places;
  const stored: StoredGazetteer = {
    csv,
    places: places.length,
    sha256: crypto.createHash("sha256").update(csv).digest("hex"),
  };
  await db.$transaction(async (tx) => {
    await saveSetting(tx, actor, {
      key: GAZETTEER_SETTING_KEY,
      value: stored,
      action: "gazetteer.upload",
      // A summary, not the file: the CSV is in the setting itself.
      detail: {
        places: places.length,
        stations: places.filter((p) => p.kind === "station").length,
        localities: places.filter((p) => p.kind === "locality").length,
        sha256: stored.sha256,
      },
    });
    await restartBackfill(tx, entitiesBackfill);
  });
  await refreshGazetteer(db, { force: true });
  return { places: places.length };
}
