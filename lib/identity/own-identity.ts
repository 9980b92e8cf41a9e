// An informant sometimes types their own number or name into a message ("mera number 98…",
// "main Ramesh Kumar bol raha hoon"), or shares their own contact card. Identity is never stored
// or shown in plaintext, so those are masked: numbers by comparing the keyed hash of every number
// in the text (Indian mobiles, national and international forms, Devanagari digits) with the
// hashes of every identifier the informant is known by; the name as a whole phrase,
// case-insensitively, without building a regular expression from it. Third parties stay.
import "server-only";
import { addressHashes } from "./crypto";
import { normalisePhone } from "./address";
import { asciiDigits, findMobiles } from "../entities/extract";

export const OWN_MARK = "[•••]";

/** A run of 7–15 digits with the usual separators, optionally after + or 00. */
const NUMBER = /(?<![\d+])(?:\+|00)?\d(?:[ \-.()]{0,2}\d){6,17}(?!\d)/g;
/** Names longer than this are not names (WhatsApp profile names are short): never searched for. */
const MAX_NAME = 120;

/** Every way a typed number could be written as an address we hash: as dialled, and as an Indian national number. */
export function phoneForms(raw: string): string[] {
  const forms = new Set<string>();
  const norm = normalisePhone(raw);
  if (norm) forms.add(norm);
  const digits = raw.replace(/\D/g, "");
  if (/^[1-9]\d{6,14}$/.test(digits)) forms.add(digits);
  return [...forms];
}

/** The keyed hashes a typed number could match (under every pepper rows may still use). */
export function numberHashes(raw: string): string[] {
  return phoneForms(raw).flatMap((value) => addressHashes({ kind: "phone", value }));
}

/**
 * Numbers in `text` with their positions: every digit run (international and national forms) and,
 * separately, every Indian mobile inside it — two numbers typed side by side are one run but two mobiles.
 */
export function findNumbers(text: string): { start: number; end: number; raw: string }[] {
  const src = asciiDigits(text);
  const runs = [...src.matchAll(NUMBER)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, raw: m[0] }));
  const mobiles = findMobiles(src).map((m) => ({ start: m.start, end: m.end, raw: src.slice(m.start, m.end) }));
  return [...runs, ...mobiles];
}

/** Replaces every number in `text` whose keyed hash is one of `own`. */
export function maskOwnNumbers(text: string, own: ReadonlySet<string>): string {
  if (!text || !own.size) return text;
  const src = asciiDigits(text);
  // Positions are those of the folded text; keep the original when folding kept its length.
  const base = src.length === text.length ? text : src;
  const spans = findNumbers(base)
    .filter((n) => numberHashes(n.raw).some((h) => own.has(h)))
    .sort((a, b) => a.start - b.start);
  if (!spans.length) return text;
  let out = "";
  let at = 0;
  for (const n of spans) {
    if (n.start < at) continue; // inside a span already masked
    out += base.slice(at, n.start) + OWN_MARK;
    at = n.end;
  }
  return out + base.slice(at);
}

const LETTER = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/u;
const fold = (s: string) => s.toLocaleLowerCase("en");

/**
 * Replaces the name as a whole phrase (its words in order, any whitespace between them, no letter
 * or digit touching either end), case-insensitively. A plain scan: the name is data, never a pattern.
 */
export function maskName(text: string, name: string | undefined): string {
  const words = (name ?? "")
    .trim()
    .slice(0, MAX_NAME + 1)
    .split(/\s+/u)
    .filter(Boolean);
  if (!text || !words.length || words.join(" ").length < 3 || (name ?? "").trim().length > MAX_NAME) return text;
  const low = fold(text);
  // Case folding must keep positions; otherwise match case-sensitively.
  const hay = low.length === text.length ? low : text;
  const needles = hay === low ? words.map(fold) : words;
  let out = "";
  let at = 0;
  let i = 0;
  while (i < hay.length) {
    const start = hay.indexOf(needles[0], i);
    if (start < 0) break;
    const end = matchRest(hay, start, needles);
    if (end > 0 && !LETTER.test(hay[start - 1] ?? "") && !LETTER.test(hay[end] ?? "")) {
      out += text.slice(at, start) + OWN_MARK;
      at = i = end;
    } else i = start + 1;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** Where the phrase starting at `start` ends, or -1. */
function matchRest(hay: string, start: number, needles: string[]): number {
  let p = start + needles[0].length;
  for (const w of needles.slice(1)) {
    const gap = p;
    while (p < hay.length && SPACE.test(hay[p])) p++;
    if (p === gap || !hay.startsWith(w, p)) return -1;
    p += w.length;
  }
  return p;
}

/** A shared contact card (WhatsApp's `contacts` message) that is the sender's own: any of its numbers is theirs. */
export function isOwnContact(contact: unknown, own: ReadonlySet<string>): boolean {
  const phones = (contact as { phones?: { phone?: unknown; wa_id?: unknown }[] } | null)?.phones;
  if (!Array.isArray(phones)) return false;
  return phones.some((p) =>
    [p?.phone, p?.wa_id].some((v) => typeof v === "string" && numberHashes(v.slice(0, 40)).some((h) => own.has(h))),
  );
}
