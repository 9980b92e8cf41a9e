// The district's gazetteer (ADR 0701): police stations and localities, each with its Latin and
// Devanagari name and other spellings, from a CSV (Prayagraj's ships in lib/entities/gazetteer/).
// A place is found in a message by the phonetic keys of its words (lib/search/keys.ts), so
// "Jhunsi", "jhusi" and "झूँसी" are one place; lookup starts from a map keyed by the first word's
// key, so the cost follows the message's length, not the gazetteer's.
import { tokenise } from "../search/keys";

export type Place = { kind: "station" | "locality"; nameEn: string; nameHi: string; aliases: string[] };
export type Gazetteer = { places: Place[]; byFirstKey: Map<string, { keys: string[]; name: string }[]> };
/** `code` names the i18n message (admin.gazetteer.error.<code>); `message` is for logs and start-up. */
export type GazetteerErrorCode = "header" | "fields" | "kind" | "nameEn" | "nameHi" | "duplicate" | "alias" | "empty";
export type GazetteerError = { line: number; code: GazetteerErrorCode; message: string };

const LATIN = /^[A-Za-z][A-Za-z .'-]{1,59}$/;
const DEVANAGARI = /^[\u0900-\u097F][\u0900-\u097F .-]{0,59}$/;

function keysOf(name: string): string[] | null {
  const keys = tokenise(name).map((t) => t.key);
  return keys.length && keys.every((k): k is string => !!k) ? keys : null;
}

/**
 * Parses a gazetteer CSV (header `kind,name_en,name_hi[,aliases]`; aliases separated by `|`).
 * Every broken row is reported with its line; any error means nothing is used.
 */
export function parseGazetteer(
  csv: string,
): { ok: true; gazetteer: Gazetteer } | { ok: false; errors: GazetteerError[] } {
  const lines = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
  const errors: GazetteerError[] = [];
  const header = (lines[0] ?? "").trim().toLowerCase();
  if (header !== "kind,name_en,name_hi" && header !== "kind,name_en,name_hi,aliases")
    return { ok: false, errors: [{ line: 1, code: "header", message: "header must be kind,name_en,name_hi,aliases" }] };
  const places: Place[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (!raw) continue;
    const cells = raw.split(",").map((c) => c.trim());
    const line = i + 1;
    if (cells.length < 3 || cells.length > 4) {
      errors.push({ line, code: "fields", message: "expected 3 or 4 fields" });
      continue;
    }
    const [kind, nameEn, nameHi, aliasCell = ""] = cells;
    if (kind !== "station" && kind !== "locality")
      errors.push({ line, code: "kind", message: "kind must be station or locality" });
    else if (!LATIN.test(nameEn)) errors.push({ line, code: "nameEn", message: "name_en must be 2–60 Latin letters" });
    else if (!DEVANAGARI.test(nameHi.normalize("NFC")))
      errors.push({ line, code: "nameHi", message: "name_hi must be in Devanagari" });
    else if (seen.has(nameEn.toLowerCase())) errors.push({ line, code: "duplicate", message: "duplicate name_en" });
    else {
      const aliases = aliasCell
        ? aliasCell
            .split("|")
            .map((a) => a.trim())
            .filter(Boolean)
        : [];
      const bad = aliases.find((a) => !LATIN.test(a) && !DEVANAGARI.test(a.normalize("NFC")));
      if (bad !== undefined) errors.push({ line, code: "alias", message: "each alias must be Latin or Devanagari" });
      else {
        seen.add(nameEn.toLowerCase());
        places.push({ kind, nameEn, nameHi: nameHi.normalize("NFC"), aliases });
      }
    }
  }
  if (errors.length) return { ok: false, errors };
  if (!places.length) return { ok: false, errors: [{ line: 2, code: "empty", message: "no places" }] };
  return { ok: true, gazetteer: buildGazetteer(places) };
}

export function buildGazetteer(places: Place[]): Gazetteer {
  const byFirstKey = new Map<string, { keys: string[]; name: string }[]>();
  for (const p of places)
    for (const spelling of [p.nameEn, p.nameHi, ...p.aliases]) {
      const keys = keysOf(spelling);
      if (!keys) continue;
      const list = byFirstKey.get(keys[0]) ?? [];
      if (!list.some((e) => e.keys.join(" ") === keys.join(" ") && e.name === p.nameEn))
        list.push({ keys, name: p.nameEn });
      byFirstKey.set(keys[0], list);
    }
  return { places, byFirstKey };
}

/** The gazetteer's places (by their Latin name) that `text` mentions in any script or spelling. */
export function findPlaces(text: string, g: Gazetteer): string[] {
  const keys = tokenise(text).map((t) => t.key);
  const found = new Set<string>();
  keys.forEach((k, i) => {
    if (!k) return;
    // Words run together ("Civil Lines" / "civillines") are tried too.
    for (const c of [...(g.byFirstKey.get(k) ?? [])])
      if (c.keys.every((ck, j) => keys[i + j] === ck)) found.add(c.name);
  });
  return [...found];
}
