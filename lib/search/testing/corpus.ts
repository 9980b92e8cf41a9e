// The must-show search corpus (ADR 0700): tips as informants write them — Devanagari, Hinglish
// and English — each labelled with the things it mentions, and queries with the things they must
// find. lib/search/corpus.int.test.ts runs every query through the queue's real search and prints
// recall and precision. Messages are built from hand-written sentences around each subject, in
// each subject's spellings, so every spelling appears in several sentences; a few distractors
// (words that look or sound close but mean something else) keep precision honest.

/** A subject and the ways informants spell it. English-only words have only English spellings. */
export const SUBJECTS = {
  daru: { hi: ["दारू"], latin: ["daru", "daaru", "daroo"] },
  sharab: { hi: ["शराब"], latin: ["sharab", "sharaab"] },
  smack: { hi: ["स्मैक"], latin: ["smack", "smaik", "smak"] },
  ganja: { hi: ["गांजा", "गाँजा"], latin: ["ganja", "ganjaa"] },
  charas: { hi: ["चरस"], latin: ["charas", "charass"] },
  kachchi: { hi: ["कच्ची"], latin: ["kachchi", "kachi", "kacchi"] },
  tamancha: { hi: ["तमंचा"], latin: ["tamancha", "tamanchaa"] },
  pistol: { hi: ["पिस्तौल"], latin: ["pistol", "pistaul"] },
  jua: { hi: ["जुआ"], latin: ["jua", "juaa"] },
  satta: { hi: ["सट्टा"], latin: ["satta", "sattaa"] },
  heroin: { hi: ["हेरोइन"], latin: ["heroin"] },
  afeem: { hi: ["अफीम", "अफ़ीम"], latin: ["afeem", "afim"] },
  chori: { hi: ["चोरी"], latin: ["chori", "chorii"] },
  gaadi: { hi: ["गाड़ी"], latin: ["gaadi", "gadi"] },
  bhatti: { hi: ["भट्टी", "भट्ठी"], latin: ["bhatti", "bhati", "bhatthi"] },
  // ड़ written r in Hinglish (the d spelling is gaadi's above).
  ladki: { hi: ["लड़की"], latin: ["larki"] },
  apharan: { hi: ["अपहरण"], latin: ["apharan", "apaharan"] },
  mohalla: { hi: ["मोहल्ला"], latin: ["mohalla", "muhalla"] },
  dhaba: { hi: ["ढाबा"], latin: ["dhaba", "dhabba"] },
  nakli: { hi: ["नकली"], latin: ["nakli", "naqli"] },
  avaidh: { hi: ["अवैध"], latin: ["avaidh", "awaidh"] },
  police: { hi: ["पुलिस"], latin: ["police", "pulis"] },
  liquor: { hi: [], latin: ["liquor"] },
  drugs: { hi: [], latin: ["drugs"] },
  gambling: { hi: [], latin: ["gambling"] },
} as const;
export type Subject = keyof typeof SUBJECTS;

// Places (not subjects: never searched for here), in both scripts.
const PLACES_HI = ["करेली", "झूँसी", "नैनी", "धूमनगंज", "कीडगंज", "सिविल लाइंस", "फाफामऊ", "शिवकुटी", "मुट्ठीगंज", "खुल्दाबाद"];
const PLACES_LATIN = [
  "Kareli",
  "Jhunsi",
  "Naini",
  "Dhoomanganj",
  "Keedganj",
  "Civil Lines",
  "Phaphamau",
  "Shivkuti",
  "Muthiganj",
  "Khuldabad",
];

// Sentences: {a} and {b} are subjects, {p} a place. Hinglish, Devanagari, English.
const HINGLISH_ONE = [
  "{p} mein roz shaam {a} bikta hai, koi rok nahi raha",
  "bhaiya {p} ke paas {a} ka dhandha chal raha hai",
  "{a} wala aadmi {p} chauraha pe khada rehta hai",
  "sir {p} wali gali mein {a} milta hai subah se",
  "{p} ke ladke {a} ke chakkar mein pade hain",
  "hamare yahan {p} mein {a} ka kaam khule aam hota hai",
];
const HINGLISH_TWO = [
  "{p} mein {a} aur {b} dono ka dhandha hai",
  "{a} ke saath {b} bhi milta hai {p} ke paas",
  "kal raat {p} mein {a} pakda gaya, {b} bhi tha",
];
const HINDI_ONE = [
  "{p} में रोज़ शाम {a} बिकता है, कोई रोकता नहीं",
  "{p} के पास {a} का धंधा चल रहा है",
  "{a} वाला आदमी {p} चौराहे पर खड़ा रहता है",
  "साहब {p} की गली में {a} मिलता है",
  "{p} में {a} का काम खुलेआम होता है",
];
const HINDI_TWO = ["{p} में {a} और {b} दोनों का धंधा है", "{a} के साथ {b} भी मिलता है {p} में"];
const ENGLISH_ONE = [
  "Someone is selling {a} near {p} every evening",
  "There is {a} business running behind the market in {p}",
  "Please check {p}, {a} is being sold openly",
];
const ENGLISH_TWO = ["{a} and {b} both available at {p}", "In {p} they keep {a} with the {b}"];

// Distractors: close in sound or spelling to a subject, but not it (and no subject in them).
const DISTRACTORS = [
  "der raat tak shor hota hai {p} mein", // der ≠ daru
  "mujhe dar lagta hai {p} ke logon se", // dar ≠ daru
  "{p} mein gaana bajana chalta hai poori raat", // gaana ≠ ganja
  "sadak kharab hai {p} ke paas", // kharab ≠ sharab
  "{p} में गाना बजता है देर रात तक", // गाना ≠ गांजा
  "smart meter {p} mein khule mein laga hai", // smart ≠ smack
  "{p} ke paas ek chaiwala hai, sab theek hai",
  "{p} की सड़क खराब है",
  "the shop in {p} sells sweets and tea",
  "{p} mein mela lagega agle hafte",
];

export type CorpusMessage = { text: string; subjects: Subject[] };

/** A small deterministic generator, so the corpus is the same on every run and engine. */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

export function buildCorpus(): CorpusMessage[] {
  const next = rng(16);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const subjects = Object.keys(SUBJECTS) as Subject[];
  const out: CorpusMessage[] = [];
  const fill = (tpl: string, place: string, a?: string, b?: string) =>
    tpl
      .replace("{p}", place)
      .replace("{a}", a ?? "")
      .replace("{b}", b ?? "");
  // Every spelling of every subject, in a Hinglish/English sentence (Latin spellings) or a Hindi one.
  for (const s of subjects) {
    const { hi, latin } = SUBJECTS[s];
    for (const v of latin) {
      const english = s === "liquor" || s === "drugs" || s === "gambling";
      for (let i = 0; i < (english ? 3 : 2); i++)
        out.push({
          text: fill(pick(english || i === 1 ? ENGLISH_ONE.concat(HINGLISH_ONE) : HINGLISH_ONE), pick(PLACES_LATIN), v),
          subjects: [s],
        });
    }
    for (const v of hi)
      for (let i = 0; i < 2; i++) out.push({ text: fill(pick(HINDI_ONE), pick(PLACES_HI), v), subjects: [s] });
  }
  // Pairs of subjects in one message (phrases such as "kachchi sharab" come from here too).
  for (let i = 0; i < 40; i++) {
    const a = pick(subjects);
    let b = pick(subjects);
    if (b === a) b = subjects[(subjects.indexOf(a) + 1) % subjects.length];
    const script = i % 3;
    const spell = (s: Subject) =>
      script === 1 && SUBJECTS[s].hi.length ? pick(SUBJECTS[s].hi) : pick(SUBJECTS[s].latin);
    const tpl =
      script === 0
        ? pick(HINGLISH_TWO)
        : script === 1 && SUBJECTS[a].hi.length && SUBJECTS[b].hi.length
          ? pick(HINDI_TWO)
          : pick(ENGLISH_TWO);
    out.push({
      text: fill(tpl, script === 1 ? pick(PLACES_HI) : pick(PLACES_LATIN), spell(a), spell(b)),
      subjects: [a, b],
    });
  }
  // "kachchi sharab" written as informants write it.
  for (const phrase of ["kachchi sharab", "kachi sharaab", "कच्ची शराब", "kacchi daru", "कच्ची दारू"]) {
    out.push({
      text: `${pick(PLACES_LATIN)} mein ${phrase} ki bhatti chal rahi hai`,
      subjects:
        phrase.includes("daru") || phrase.includes("दारू")
          ? ["kachchi", "daru", "bhatti"]
          : ["kachchi", "sharab", "bhatti"],
    });
  }
  for (const d of DISTRACTORS)
    for (let i = 0; i < 3; i++) out.push({ text: fill(d, i % 2 ? pick(PLACES_HI) : pick(PLACES_LATIN)), subjects: [] });
  return out;
}

/** A query and the subjects a message must mention (all of them) to be an expected match. */
export type CorpusQuery = { q: string; all: Subject[]; kind: "spelling" | "script" | "typo" | "phrase" | "english" };

export function buildQueries(): CorpusQuery[] {
  const out: CorpusQuery[] = [];
  for (const s of Object.keys(SUBJECTS) as Subject[]) {
    const { hi, latin } = SUBJECTS[s];
    if (!hi.length) {
      out.push({ q: latin[0], all: [s], kind: "english" });
      continue;
    }
    out.push({ q: latin[0], all: [s], kind: "spelling" });
    out.push({ q: hi[0], all: [s], kind: "script" });
    if (latin[1]) out.push({ q: latin[1], all: [s], kind: "spelling" });
  }
  // Typing mistakes.
  for (const [q, s] of [
    ["sharb", "sharab"],
    ["ganjja", "ganja"],
    ["smcak", "smack"],
    ["tamanca", "tamancha"],
    ["pistl", "pistol"],
    ["heroine", "heroin"],
  ] as const)
    out.push({ q, all: [s], kind: "typo" });
  // Phrases: every word must match (in any script).
  out.push({ q: "kachchi sharab", all: ["kachchi", "sharab"], kind: "phrase" });
  out.push({ q: "कच्ची शराब", all: ["kachchi", "sharab"], kind: "phrase" });
  out.push({ q: "kachi daaru", all: ["kachchi", "daru"], kind: "phrase" });
  return out;
}

/** The spelling pairs the issue lists: each must find messages written the other way, both ways. */
export const SPELLING_PAIRS: [Subject, string, string][] = [
  ["daru", "daru", "दारू"],
  ["daru", "daaru", "दारू"],
  ["daru", "daru", "daaru"],
  ["smack", "smack", "स्मैक"],
  ["smack", "smaik", "स्मैक"],
  ["smack", "smack", "smaik"],
  ["sharab", "sharab", "शराब"],
  ["sharab", "sharaab", "शराब"],
  ["sharab", "sharab", "sharaab"],
  ["ganja", "ganja", "गांजा"],
  // Beyond the list: spellings officers meet every day.
  ["gaadi", "gaadi", "गाड़ी"],
  ["ladki", "larki", "लड़की"],
  ["bhatti", "bhatti", "भट्ठी"],
  ["bhatti", "bhatthi", "भट्टी"],
  ["apharan", "apharan", "अपहरण"],
];
