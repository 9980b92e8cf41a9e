// Cross-script search keys (docs/decisions/0700-cross-script-search.md). Every word of a message is
// indexed by a phonetic key computed from its romanised form, so "daru", "daaru" and "दारू" share a
// key, as do "smack"/"smaik"/"स्मैक" and "sharab"/"sharaab"/"शराब". Devanagari is romanised with
// @indic-transliteration/sanscript (ITRANS) plus the Hindi fixes it lacks (nukta letters, nasals,
// the final inherent vowel). Pure and synchronous: ingest, the queue, watch matching and the
// gazetteer all use these same functions, so what is indexed and what is asked always agree.
import Sanscript from "@indic-transliteration/sanscript";

const DEVANAGARI = /[\u0900-\u097F]/;
/** Letters, combining marks (Devanagari vowel signs) and digits; everything else separates words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

// Nukta letters (precomposed or consonant + U+093C) → the base letter whose sound Hinglish uses.
const NUKTA: Record<string, string> = {
  "\u0958": "क",
  "\u0959": "ख",
  "\u095A": "ग",
  "\u095B": "ज",
  "\u095C": "ड",
  "\u095D": "ढ",
  "\u095E": "फ",
  "\u095F": "य",
};

/**
 * `alt`: a second key for a Devanagari word with ड़, read as r — Hinglish writes लड़की both ladki and
 * larki, गाड़ी gadi and gari, सड़क sadak and sarak (ढ़ needs none: rh and dh already share a key).
 */
export type Token = {
  word: string;
  start: number;
  end: number;
  roman: string;
  key: string | null;
  alt: string | null;
};

/** ड़ as its decomposed letters (NFC and NFKC keep it decomposed: U+095C is excluded from composition; words are NFKC-folded). */
const FLAP = /\u0921\u093C/g;
const HAS_FLAP = /\u0921\u093C/;

/** NFKC, lower case: the form words are compared in. */
export function foldWord(s: string) {
  return s.normalize("NFKC").toLowerCase();
}

/** A Devanagari word in plain Latin letters, as Hinglish writers spell it: "शराब" → "sharab", "दारू" → "daru". */
export function romanise(word: string, flapAsR = false): string {
  if (!DEVANAGARI.test(word)) return foldWord(word);
  // Nukta letters sound like their base letter in Hinglish spelling (ज़/फ़ become j/ph, which the
  // phonetic key already equates with z/f); ड़ as ड, or as र for the word's second key.
  const w = word
    .normalize("NFC")
    .replace(FLAP, flapAsR ? "\u0930" : "$&")
    .replace(/[\u0958-\u095F]/g, (c) => NUKTA[c])
    .replace(/\u093C/g, "");
  const endsInConsonant = /[\u0915-\u0939]$/.test(w);
  let r = Sanscript.t(w, "devanagari", "itrans");
  r = r
    .replace(/j~n|jJ|GY/g, "gy")
    .replace(/kSh|kS|x/g, "ksh")
    .replace(/R\^i|RRi/g, "ri")
    .replace(/\.N|~N|\.n|~n|M|N\^|~/g, "n")
    .replace(/\.h|\.a|\^|\./g, "")
    .replace(/Sh/g, "sh")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
  // Schwa deletion at the end of a word: "sharaba" → "sharab" (but keep short words: "na").
  if (endsInConsonant && r.length > 2 && r.endsWith("a")) r = r.slice(0, -1);
  return r;
}

/**
 * A phonetic key of a Latin word that forgives the usual Hinglish spelling variants: chh/cch/ch,
 * s/sh, v/w, garh/गढ़ (rh/dh), iya/ia, ow/au, z/j, f/ph, c/ck/q/k, doubled letters, long and short vowels (aa/a,
 * ee/i, oo/u/o: mohalla/muhalla), a silent English final e (phone/फ़ोन), ai for the English "a" (smaik/smack),
 * geminate aspirates (bhatthi/bhatti), y as a vowel (Kydganj) — and drops the vowel a altogether, the one
 * Hindi writers add, lengthen and leave out most freely (sharab/sharaab/shrab). null when the word
 * has no Latin letters or digits.
 */
export function phoneticKey(roman: string): string | null {
  let s = roman.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (!s) return null;
  // A word with a digit (an amount, a house or vehicle number) is its own key: spelling rules
  // would make 100 the key of 10 (doubled letters) or change the letters around a number.
  if (/\d/.test(s)) return s;
  s = s
    // A geminate aspirate loses its h: Hindi writes भट्ठी/मुट्ठी/अड्ढा, Hinglish bhatti/mutti/adda
    // (ch is left out: cch is kachchi's spelling, handled with ch below).
    .replace(/([bdgjkpt])\1h/g, "$1$1")
    // y between consonants is the vowel i: Kydganj/कीडगंज.
    .replace(/(?<=[^aeiouy])y(?=[^aeiouy])/g, "i")
    .replace(/sch/g, "sk")
    .replace(/c+h+/g, "C")
    .replace(/sh/g, "s")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/ck|c|q/g, "k")
    .replace(/x/g, "ks")
    .replace(/ph|f/g, "f")
    .replace(/ow/g, "au")
    .replace(/rh/g, "dh")
    .replace(/iy/g, "i")
    .replace(/w/g, "v")
    .replace(/z/g, "j")
    .replace(/ee|ii|ie|ey/g, "i")
    .replace(/oo|uu|ou/g, "u")
    .replace(/au|o/g, "u")
    .replace(/ai|ae|ay/g, "a")
    .replace(/ei/g, "e")
    .replace(/y$/g, "i")
    .replace(/(?<=^.{2,}[^aeiou])e$/g, "")
    .replace(/a/g, "")
    // p and h met once the a between them went (अपहरण → apaharan → phrn): the f of apharan.
    .replace(/ph/g, "f")
    .replace(/(.)\1+/g, "$1");
  return s || null;
}

/** Every word of `text` with its offsets (in `text`), romanised form and phonetic key. */
export function tokenise(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = foldWord(m[0]);
    const roman = romanise(word);
    const key = phoneticKey(roman);
    const alt = HAS_FLAP.test(word) ? phoneticKey(romanise(word, true)) : null;
    out.push({ word, start: m.index!, end: m.index! + m[0].length, roman, key, alt: alt !== key ? alt : null });
  }
  return out;
}

/**
 * The version of the key rules above. Bump it with any change that gives a word a different key:
 * the next start re-indexes every message and re-keys the watch phrases (lib/search/key-rules.ts),
 * so old messages and watches meet the new spellings.
 */
export const KEY_RULES = 2;

/** Keys shorter than this are too common to index ("hai" → "h"): such words are found by exact text only. */
export const MIN_KEY = 2;

/** What one message adds to the index: its phonetic keys, and its romanised words for typo matching. */
export function indexTerms(text: string): { keys: string[]; words: { word: string; key: string }[] } {
  const keys = new Set<string>();
  const words = new Map<string, string>();
  for (const t of tokenise(text)) {
    if (!t.key || t.key.length < MIN_KEY) continue;
    keys.add(t.key);
    if (t.alt) keys.add(t.alt);
    if (t.roman.length >= 3 && /^[a-z]+$/.test(t.roman)) words.set(t.roman, t.key);
  }
  return { keys: [...keys].slice(0, 500), words: [...words].slice(0, 500).map(([word, key]) => ({ word, key })) };
}
