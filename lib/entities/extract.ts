// Finds entities officers cross-reference between tips: Indian vehicle registrations, mobile
// numbers, UPI ids, bank accounts (with their IFSC), IFSCs, social handles and links, and places of
// the district's gazetteer (ADR 0701) mentioned in a message — third parties: the informant's own
// number (and a UPI id built on it) is filtered out by the caller, which alone can compare it with
// the informant's keyed hash. Pure and synchronous.
import { findPlaces, type Gazetteer } from "./gazetteer";

/** `geo`: a location the informant shared, as its ~1 km grid cell (lib/entities/geo-cell.ts); not found in text. */
export type EntityKind = "vehicle" | "mobile" | "upi" | "bank" | "ifsc" | "social" | "place" | "geo";
export const ENTITY_KINDS: readonly EntityKind[] = [
  "vehicle",
  "mobile",
  "upi",
  "bank",
  "ifsc",
  "social",
  "place",
  "geo",
];
export type Entity = { kind: EntityKind; value: string };

/**
 * The version of what is extracted. Bump it with a change that finds entities the last version did
 * not (a new kind, a wider pattern): the next start runs the entities backfill over every message
 * again (lib/entities/backfill.ts), so old tips connect by the new rules too.
 */
export const ENTITY_RULES = 1;

// RTO state / union-territory codes, so "IS 12 A 1234"-like words are not taken for plates.
const STATES = new Set(
  "AN AP AR AS BR CG CH DD DL DN GA GJ HP HR JH JK KA KL LA LD MH ML MN MP MZ NL OD OR PB PY RJ SK TN TR TS TG UK UA UP WB".split(
    " ",
  ),
);

// "UP70AB1234", "UP 70 AB 1234", "UP-70-AB-1234", "DL 3C AB 1234"; series of 1–3 letters.
// District padded to two digits and number to four, so spellings of one plate meet.
const PLATE =
  /(?<![A-Za-z0-9])([A-Za-z]{2})[ .-]?(\d{1,2})[ .-]?([A-Za-z](?:[ .-]?[A-Za-z]){0,2})[ .-]?(\d{1,4})(?![A-Za-z0-9])/g;
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
  return [...src.matchAll(MOBILE)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    value: m[1].replace(/\D/g, ""),
  }));
}

// UPI virtual payment address: name@psp, the handle without a dot (an email's domain has one).
const UPI = /(?<![\w.@-])([a-z0-9][a-z0-9._-]{1,254})@([a-z][a-z0-9]{1,63})(?![\w@-]|\.[a-z])/gi;
// IFSC: 4 bank letters, a zero, 6 branch letters or digits.
const IFSC = /(?<![A-Za-z0-9])([A-Za-z]{4}0[A-Za-z0-9]{6})(?![A-Za-z0-9])/g;
// A bank account: 9–18 digits (spaces or dashes between groups) after an account word, or anywhere
// when the message also names an IFSC.
const ACCOUNT_WORD =
  /(?:a\/c|acc(?:oun)?t|account|khata|khaata|खाता|बैंक|bank)\s*(?:no\.?|number|नंबर|संख्या)?\s*[:.-]?\s*/giu;
const ACCOUNT = /(?<![\d])(\d(?:[ -]?\d){8,17})(?![\d])/g;
// Links to the platforms informants name, and bare @handles (not part of an email or UPI id).
const SOCIAL_LINK =
  /(?:https?:\/\/)?(?:www\.|m\.)?(instagram\.com|facebook\.com|fb\.com|x\.com|twitter\.com|t\.me|telegram\.me|youtube\.com\/@?|youtu\.be|snapchat\.com\/add|sharechat\.com\/profile|moj\.app\/@?)\/?@?([A-Za-z0-9_.-]{2,60})/gi;
// Not after "]": "[•••]@ybl" is the informant's own UPI id, masked at ingest (lib/identity/own-identity.ts), not a handle.
const HANDLE = /(?<![\w@.\/\]])@([A-Za-z_][A-Za-z0-9_.]{1,29})(?![\w@])/g;
const PLATFORM: Record<string, string> = {
  "instagram.com": "instagram",
  "facebook.com": "facebook",
  "fb.com": "facebook",
  "x.com": "x",
  "twitter.com": "x",
  "t.me": "telegram",
  "telegram.me": "telegram",
  "youtube.com/": "youtube",
  "youtube.com/@": "youtube",
  "youtu.be": "youtube",
  "snapchat.com/add": "snapchat",
  "sharechat.com/profile": "sharechat",
  "moj.app/": "moj",
  "moj.app/@": "moj",
};

/** The mobile number a UPI id is built on ("9876543210@ybl"), if any. */
export function upiMobile(upi: string): string | null {
  const local = upi.split("@")[0];
  const m = /^(?:\+?91)?([6-9]\d{9})$/.exec(local);
  return m ? m[1] : null;
}

export function extractEntities(text: string, gazetteer?: Gazetteer): Entity[] {
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

  for (const m of src.matchAll(UPI)) add("upi", `${m[1]}@${m[2]}`.toLowerCase());
  const ifscs = [...src.matchAll(IFSC)].map((m) => m[1].toUpperCase());
  for (const i of ifscs) add("ifsc", i);
  // Accounts: digit runs after an account word, or any 9–18 digit run when an IFSC is named; never a
  // mobile number (10 digits from 6–9) or a part of a UPI id.
  const mobiles = new Set([...found.values()].filter((e) => e.kind === "mobile").map((e) => e.value));
  const accountAt = new Set<number>();
  for (const w of src.matchAll(ACCOUNT_WORD)) accountAt.add(w.index! + w[0].length);
  for (const m of src.matchAll(ACCOUNT)) {
    const digits = m[1].replace(/\D/g, "");
    if (mobiles.has(digits) || mobiles.has(digits.slice(-10)) || src[m.index! + m[0].length] === "@") continue;
    if (!accountAt.has(m.index!) && !ifscs.length) continue;
    add("bank", ifscs.length === 1 ? `${ifscs[0]}/${digits}` : digits);
  }
  for (const m of src.matchAll(SOCIAL_LINK)) {
    const platform = PLATFORM[m[1].toLowerCase()] ?? m[1].toLowerCase();
    const handle = m[2].replace(/[.]+$/, "").toLowerCase();
    if (platform === "x" && /^(home|search|i)$/.test(handle)) continue;
    add("social", `${platform}:${handle}`);
  }
  for (const m of src.matchAll(HANDLE)) add("social", `@${m[1].replace(/[.]+$/, "").toLowerCase()}`);
  if (gazetteer) for (const p of findPlaces(text, gazetteer)) add("place", p);
  return [...found.values()];
}
