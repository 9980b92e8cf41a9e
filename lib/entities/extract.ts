// Finds entities officers cross-reference between tips: Indian vehicle registrations and mobile
// numbers mentioned in a message (third parties — the informant's own number is filtered out by
// the caller, which alone can compare it with the informant's keyed hash). Pure and synchronous.
export type EntityKind = "vehicle" | "mobile";
export type Entity = { kind: EntityKind; value: string };

// RTO state / union-territory codes, so "IS 12 A 1234"-like words are not taken for plates.
const STATES = new Set(
  "AN AP AR AS BR CG CH DD DL DN GA GJ HP HR JH JK KA KL LA LD MH ML MN MP MZ NL OD OR PB PY RJ SK TN TR TS TG UK UA UP WB".split(" "),
);

// "UP70AB1234", "UP 70 AB 1234", "UP-70-AB-1234", "DL 3C AB 1234"; series of 1–3 letters.
// District padded to two digits and number to four, so spellings of one plate meet.
const PLATE = /(?<![A-Za-z0-9])([A-Za-z]{2})[ .-]?(\d{1,2})[ .-]?([A-Za-z](?:[ .-]?[A-Za-z]){0,2})[ .-]?(\d{1,4})(?![A-Za-z0-9])/g;
// Bharat series: "22 BH 1234 AA" → 22BH1234AA.
const BHARAT = /(?<![A-Za-z0-9])(\d{2})[ .-]?BH[ .-]?(\d{4})[ .-]?([A-Za-z]{1,2})(?![A-Za-z0-9])/gi;
// 10 digits starting 6–9, optionally prefixed +91 / 0091 / 91 / 0, single spaces or dashes
// anywhere between digits ("98765 43210", "987-654-3210", "+91 98765-43210"). Not preceded or
// followed by another digit, so 12-digit Aadhaar numbers and longer ids are not split into one.
const MOBILE = /(?<![\d+])(?:(?:\+|00)?91[ -]?|0)?([6-9](?:[ -]?\d){9})(?!\d)/g;

/** Devanagari and full-width digits → ASCII, so "९८७६५४३२१०" is found too. */
export function asciiDigits(text: string): string {
  return text.normalize("NFKC").replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966));
}

export function normaliseVehicle(state: string, district: string, series: string, number: string): string {
  return `${state}${district.padStart(2, "0")}${series.replace(/[^A-Za-z]/g, "")}${number.padStart(4, "0")}`.toUpperCase();
}

/** Mobile numbers with their positions in `asciiDigits(text)` (same length as `text` for Devanagari digits). */
export function findMobiles(text: string): { start: number; end: number; value: string }[] {
  const src = asciiDigits(text);
  return [...src.matchAll(MOBILE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, value: m[1].replace(/\D/g, "") }));
}

export function extractEntities(text: string): Entity[] {
  const src = asciiDigits(text);
  const found = new Map<string, Entity>();
  const add = (kind: EntityKind, value: string) => found.set(`${kind}:${value}`, { kind, value });

  for (const m of src.matchAll(PLATE)) {
    const state = m[1].toUpperCase();
    if (!STATES.has(state)) continue;
    add("vehicle", normaliseVehicle(state, m[2], m[3], m[4]));
  }
  for (const m of src.matchAll(BHARAT)) add("vehicle", `${m[1]}BH${m[2]}${m[3]}`.toUpperCase());
  for (const m of src.matchAll(MOBILE)) add("mobile", m[1].replace(/\D/g, ""));
  return [...found.values()];
}
