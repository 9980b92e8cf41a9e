import { describe, expect, it } from "vitest";
import { indexTerms, phoneticKey, romanise, tokenise } from "./keys";
import { markMatches, matchKeysFor, parseSearch } from "./query";

const key = (w: string) => phoneticKey(romanise(w.normalize("NFKC").toLowerCase()));

describe("romanise", () => {
  it.each([
    ["शराब", "sharab"],
    ["दारू", "daru"],
    ["स्मैक", "smaik"],
    ["गांजा", "ganja"],
    ["कच्ची", "kachchi"],
    ["लड़का", "ladaka"],
    ["प्रयागराज", "prayagaraj"],
    ["ज़मीन", "jamin"],
  ])("%s → %s", (hi, latin) => expect(romanise(hi)).toBe(latin));
});

describe("phonetic keys forgive Hinglish spellings", () => {
  it.each([
    ["daru", "daaru", "दारू", "daroo"],
    ["smack", "smaik", "स्मैक", "smak"],
    ["sharab", "sharaab", "शराब", "SHARAB"],
    ["ganja", "ganjaa", "गांजा", "गाँजा"],
    ["kachchi", "kachi", "कच्ची", "kacchi"],
    ["mohalla", "muhalla", "मोहल्ला", "mohala"],
    ["phone", "fone", "फ़ोन", "फोन"],
    ["nakli", "naqli", "नकली", "nakali"],
    ["bhatti", "bhatthi", "भट्ठी", "भट्टी"],
    ["apharan", "apaharan", "अपहरण", "apharan"],
    ["kydganj", "kidganj", "कीडगंज", "keedganj"],
  ])("%s %s %s %s share a key", (...spellings) => {
    expect(new Set(spellings.map(key)).size).toBe(1);
  });

  it("keeps different words apart", () => {
    for (const [a, b] of [
      ["daru", "der"],
      ["ganja", "gaana"],
      ["sharab", "kharab"],
      ["satta", "saath"],
      ["smack", "smart"],
    ])
      expect(key(a)).not.toBe(key(b));
  });
});

describe("ड़ written d or r", () => {
  it.each([
    ["लड़की", "ladki", "larki"],
    ["गाड़ी", "gaadi", "gari"],
    ["सड़क", "sadak", "sarak"],
    ["झगड़ा", "jhagda", "jhagra"],
    ["पकड़ा", "pakda", "pakra"],
  ])("%s is indexed under %s's key and %s's", (hi, d, r) => {
    expect(indexTerms(hi).keys.sort()).toEqual([key(d), key(r)].sort());
    // A Latin word has one key: ladki and larki meet the Devanagari spelling, not each other.
    expect(indexTerms(d).keys).toEqual([key(d)]);
  });
  it("marks the word found by its second key", () => {
    const p = parseSearch("larki");
    expect(p.ok && markMatches("एक लड़की को", matchKeysFor(p.query))).toEqual([[3, 8]]);
  });
});

describe("tokenise and index terms", () => {
  it("gives offsets in the original text", () => {
    const text = "Kal  रात दारू!";
    expect(tokenise(text).map((t) => text.slice(t.start, t.end))).toEqual(["Kal", "रात", "दारू"]);
  });
  it("leaves out one-letter keys and keeps romanised words for typos", () => {
    const t = indexTerms("hai शराब sharab");
    expect(t.keys).toEqual(["srb"]);
    expect(t.words).toEqual([{ word: "sharab", key: "srb" }]);
  });
});

describe("parseSearch and markMatches", () => {
  it("refuses empty and one-letter queries", () => {
    for (const q of ["", " ", "a", " क ", "%", "!!"]) expect(parseSearch(q).ok).toBe(false);
    expect(parseSearch("दा").ok).toBe(true);
  });
  it("marks the matched words in either script, never building a pattern from the query", () => {
    const p = parseSearch("sharab (.*");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const text = "गली में शराब और SHARAAB (.*";
    const marked = markMatches(text, matchKeysFor(p.query)).map(([s, e]) => text.slice(s, e));
    expect(marked).toEqual(["शराब", "SHARAAB"]);
  });
});

describe("words with digits", () => {
  it("are their own keys: no spelling rule joins 100 and 10, or 1001 and 101", () => {
    expect(key("100")).toBe("100");
    expect(key("100")).not.toBe(key("10"));
    expect(key("1001")).not.toBe(key("101"));
    expect(key("UP70")).toBe("up70");
  });
});
