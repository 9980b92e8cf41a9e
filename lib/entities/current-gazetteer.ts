// The gazetteer in use (ADR 0701, 0704): the one an admin uploaded (kept in the database, Setting
// `gazetteer`, so every instance uses it), else the CSV at GAZETTEER_CSV, else Prayagraj's, shipped
// with the app. `currentGazetteer()` is synchronous for the extractor; entry points that extract
// (ingest, the watch job, entity indexing, watch items) first `await refreshGazetteer()`, which
// looks at the setting's version at most every REFRESH_MS and re-parses only when it changed. A
// broken configured file stops start-up with its line numbers rather than silently finding no places.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db, type Db, type Tx } from "../db";
import { env } from "../env";
import { parseGazetteer, type Gazetteer } from "./gazetteer";

export const GAZETTEER_SETTING_KEY = "gazetteer";
/** How stale another instance's upload may be here. */
export const REFRESH_MS = 10_000;

export type StoredGazetteer = { csv: string; places: number; sha256: string };

let fromFile: Gazetteer | undefined;
let uploaded: { version: string; gazetteer: Gazetteer } | null = null;
let checkedAt = 0;

export function gazetteerPath(): string {
  return env().GAZETTEER_CSV ?? path.resolve(process.cwd(), "lib", "entities", "gazetteer", "prayagraj.csv");
}

/** The configured file's gazetteer (GAZETTEER_CSV or the shipped one). */
export function fileGazetteer(): Gazetteer {
  if (fromFile) return fromFile;
  const parsed = parseGazetteer(fs.readFileSync(gazetteerPath(), "utf8"));
  if (!parsed.ok)
    throw new Error(
      `Gazetteer ${gazetteerPath()}: ${parsed.errors.map((e) => `line ${e.line}: ${e.message}`).join("; ")}`,
    );
  return (fromFile = parsed.gazetteer);
}

export function currentGazetteer(): Gazetteer {
  return uploaded?.gazetteer ?? fileGazetteer();
}

/** Picks up an upload made here or on another instance. Pass the transaction when inside one. */
export async function refreshGazetteer(client: Db | Tx = db, opts: { force?: boolean } = {}): Promise<void> {
  if (!opts.force && Date.now() - checkedAt < REFRESH_MS) return;
  const row = await client.setting.findUnique({
    where: { key: GAZETTEER_SETTING_KEY },
    select: { updatedAt: true },
  });
  checkedAt = Date.now();
  if (!row) {
    uploaded = null;
    return;
  }
  const version = row.updatedAt.toISOString();
  if (uploaded?.version === version) return;
  const full = await client.setting.findUnique({ where: { key: GAZETTEER_SETTING_KEY }, select: { value: true } });
  const parsed = parseGazetteer((full?.value as StoredGazetteer | undefined)?.csv ?? "");
  // Only a parsed file is ever stored; should one not parse (a later, stricter parser), keep what we have.
  if (parsed.ok) uploaded = { version, gazetteer: parsed.gazetteer };
  else console.error("[gazetteer] stored upload does not parse; keeping the previous gazetteer");
}

/** Where the gazetteer in use came from, for the admin page. */
export async function gazetteerSource() {
  const row = await db.setting.findUnique({
    where: { key: GAZETTEER_SETTING_KEY },
    select: { updatedAt: true, value: true },
  });
  await refreshGazetteer(db, { force: true });
  const stored = row?.value as StoredGazetteer | undefined;
  return stored
    ? { kind: "upload" as const, at: row!.updatedAt, sha256: stored.sha256, places: currentGazetteer().places }
    : { kind: "file" as const, path: gazetteerPath(), places: currentGazetteer().places };
}
