// The gazetteer in use: the CSV at GAZETTEER_CSV, or Prayagraj's, shipped with the app (ADR 0701).
// Read once per process; a broken file stops start-up with its line numbers rather than silently
// finding no places.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "../env";
import { parseGazetteer, type Gazetteer } from "./gazetteer";

let loaded: Gazetteer | undefined;

export function gazetteerPath(): string {
  return env().GAZETTEER_CSV ?? path.resolve(process.cwd(), "lib", "entities", "gazetteer", "prayagraj.csv");
}

export function defaultGazetteer(): Gazetteer {
  if (loaded) return loaded;
  const parsed = parseGazetteer(fs.readFileSync(gazetteerPath(), "utf8"));
  if (!parsed.ok)
    throw new Error(
      `Gazetteer ${gazetteerPath()}: ${parsed.errors.map((e) => `line ${e.line}: ${e.message}`).join("; ")}`,
    );
  return (loaded = parsed.gazetteer);
}
