// What a watch item is (ADR 0702), checked before it is stored: an entity value must BE that kind
// of entity (a vehicle that parses as a registration, a 10-digit mobile, a UPI id…), a phrase must
// have words we can match, a place must be in the gazetteer. The keys a message must contain to
// hit it are computed here with the same functions ingest uses, so they always agree.
// Pure: the gazetteer is passed in.
import { extractEntities, type EntityKind } from "../entities/extract";
import { findPlaces, type Gazetteer } from "../entities/gazetteer";
import { MIN_KEY, tokenise } from "../search/keys";

export const WATCH_KINDS = ["ENTITY", "PHRASE", "PLACE"] as const;
export type WatchKindName = (typeof WATCH_KINDS)[number];
export const WATCH_ENTITY_KINDS = [
  "vehicle",
  "mobile",
  "upi",
  "bank",
  "ifsc",
  "social",
] as const satisfies readonly EntityKind[];
export type WatchEntityKind = (typeof WATCH_ENTITY_KINDS)[number];

export type WatchInput = { kind: WatchKindName; entityKind?: WatchEntityKind | null; value: string };
export type WatchError = "empty" | "tooLong" | "notEntity" | "noWords" | "notPlace";
export type ParsedWatch =
  | {
      ok: true;
      kind: WatchKindName;
      entityKind: WatchEntityKind | null;
      value: string;
      normalised: string;
      keys: string[];
    }
  | { ok: false; error: WatchError };

/** The key a message carries for an entity it mentions (places included). */
export const entityKey = (kind: string, value: string) => `e:${kind}:${value}`;

// Context that makes a bare value read as its kind for the extractor.
const CONTEXT: Record<WatchEntityKind, (v: string) => string> = {
  vehicle: (v) => v,
  mobile: (v) => v,
  upi: (v) => v,
  bank: (v) => `account ${v.replace(/^(?:a\/c|account)\s*/i, "")}`,
  ifsc: (v) => v,
  social: (v) => (/^[A-Za-z_][A-Za-z0-9_.]{1,29}$/.test(v) ? `@${v}` : v),
};

/** A phrase's keys (what a message must contain) and its normalised form; null when it has no words we can match. */
export function phraseKeys(value: string): { normalised: string; keys: string[] } | null {
  const keys = [
    ...new Set(
      tokenise(value)
        .map((t) => t.key)
        .filter((k): k is string => !!k && k.length >= MIN_KEY),
    ),
  ];
  return keys.length ? { normalised: keys.join(" "), keys: keys.slice(0, 8) } : null;
}

export function parseWatch(input: WatchInput, gazetteer: Gazetteer): ParsedWatch {
  const value = input.value.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (!value) return { ok: false, error: "empty" };
  if (value.length > 100) return { ok: false, error: "tooLong" };
  switch (input.kind) {
    case "ENTITY": {
      const kind = input.entityKind;
      if (!kind || !WATCH_ENTITY_KINDS.includes(kind)) return { ok: false, error: "notEntity" };
      const found = extractEntities(CONTEXT[kind](value)).filter((e) => e.kind === kind);
      // Exactly one entity of that kind, and nothing left over that it did not account for.
      if (found.length !== 1) return { ok: false, error: "notEntity" };
      const normalised = found[0].value;
      if (kind === "mobile" && value.replace(/[\s+-]/g, "").replace(/^(?:91|0)/, "").length !== 10)
        return { ok: false, error: "notEntity" };
      return { ok: true, kind: "ENTITY", entityKind: kind, value, normalised, keys: [entityKey(kind, normalised)] };
    }
    case "PHRASE": {
      const p = phraseKeys(value);
      if (!p) return { ok: false, error: "noWords" };
      return { ok: true, kind: "PHRASE", entityKind: null, value, ...p };
    }
    case "PLACE": {
      const places = findPlaces(value, gazetteer);
      if (places.length !== 1) return { ok: false, error: "notPlace" };
      return {
        ok: true,
        kind: "PLACE",
        entityKind: null,
        value,
        normalised: places[0],
        keys: [entityKey("place", places[0])],
      };
    }
  }
}
