// Phrases in a brief that point at the informant (ADR 0601): first-person places ("my house",
// "opposite my shop", "मेरे घर"), first-person relationships ("my brother", "मेरा भाई", "mera bhai"),
// "I"/"we" as a witness, and the informant's alias. The editor shows them as the officer types and
// the server counts them again when it saves. Plain data and regular expressions, no imports: the
// same code runs in the browser and on the server.

export type PhraseKind = "place" | "relation" | "witness" | "alias";
export type PhraseHit = { kind: PhraseKind; text: string; index: number };

const PLACES_EN =
  "house|home|flat|room|shop|store|office|street|lane|gali|village|colony|mohalla|building|farm|field|plot|school|workplace|factory|neighbourhood|neighborhood|door|gate|roof|terrace|compound|area";
const RELATIONS_EN =
  "brother-in-law|sister-in-law|brother|sister|father|mother|dad|mom|mum|wife|husband|son|daughter|uncle|aunt|cousin|nephew|niece|friend|neighbour|neighbor|landlord|tenant|employer|boss|colleague|relative|family";
// Hinglish (Hindi in Latin letters, as typed on WhatsApp).
const PLACES_HINGLISH = "ghar|makan|makaan|dukan|dukaan|gali|gaon|gaanv|mohalla|kamra|chhat|darwaza|khet|office";
const RELATIONS_HINGLISH =
  "bhai|bhaiya|behen|bahan|didi|papa|pita|maa|mummy|patni|biwi|pati|beta|beti|chacha|chachi|mama|mami|tau|padosi|padosan|dost|yaar|jija|saala|devar|bhabhi|rishtedar";
// Devanagari.
const PLACES_HI = "घर|मकान|दुकान|गली|गाँव|गांव|मोहल्ले|मोहल्ला|कमरे|कमरा|छत|दरवाज़े|दरवाजे|खेत|दफ्तर|ऑफिस|पड़ोस|पडोस";
const RELATIONS_HI =
  "भाई|भैया|बहन|दीदी|पिता|पापा|माँ|मां|पत्नी|पति|बेटा|बेटी|बेटे|चाचा|चाची|मामा|मामी|ताऊ|पड़ोसी|पडोसी|दोस्त|जीजा|साले|साला|देवर|भाभी|रिश्तेदार";

const EN_MY = String.raw`\b(?:my|our|mine)\s+(?:own\s+)?`;
const HINGLISH_MY = String.raw`\b(?:mera|meri|mere|hamara|hamari|hamare|humara|humari|humare|apne|apna|apni)\s+`;
const HI_MY = String.raw`(?:मेरा|मेरी|मेरे|हमारा|हमारी|हमारे|अपने|अपना|अपनी)\s+`;

const PATTERNS: { kind: PhraseKind; re: RegExp }[] = [
  { kind: "place", re: new RegExp(String.raw`${EN_MY}(?:${PLACES_EN})s?\b`, "giu") },
  { kind: "place", re: new RegExp(String.raw`${HINGLISH_MY}(?:${PLACES_HINGLISH})\b`, "giu") },
  { kind: "place", re: new RegExp(String.raw`${HI_MY}(?:${PLACES_HI})`, "gu") },
  { kind: "relation", re: new RegExp(String.raw`${EN_MY}(?:${RELATIONS_EN})s?\b`, "giu") },
  { kind: "relation", re: new RegExp(String.raw`${HINGLISH_MY}(?:${RELATIONS_HINGLISH})\b`, "giu") },
  { kind: "relation", re: new RegExp(String.raw`${HI_MY}(?:${RELATIONS_HI})`, "gu") },
  // The informant as a witness or a neighbour: "I saw", "I live", "we heard", "maine dekha", "मैंने देखा".
  { kind: "witness", re: /\b(?:I|we)\s+(?:saw|see|live|lived|heard|hear|watched|noticed|stay|work)\b/giu },
  { kind: "witness", re: /\b(?:maine|humne|hamne)\s+(?:dekha|suna|dekhi|dekhe)\b/giu },
  { kind: "witness", re: /(?:मैंने|मैने|हमने)\s+(?:देखा|सुना|देखी|देखे)/gu },
];

/** Every informant-pointing phrase in `text`, in order. `alias` (e.g. M-7K3Q) is matched case-insensitively. */
export function informantPhrases(text: string, alias?: string | null): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) hits.push({ kind, text: m[0], index: m.index ?? 0 });
  }
  if (alias) {
    const needle = alias.toLowerCase();
    let at = text.toLowerCase().indexOf(needle);
    while (at >= 0) {
      hits.push({ kind: "alias", text: text.slice(at, at + alias.length), index: at });
      at = text.toLowerCase().indexOf(needle, at + needle.length);
    }
  }
  // Overlapping hits ("हमारे पड़ोस" inside "हमारे पड़ोसी": Devanagari has no word boundary): the longest wins.
  hits.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const out: PhraseHit[] = [];
  for (const h of hits)
    if (!out.length || h.index >= out[out.length - 1].index + out[out.length - 1].text.length) out.push(h);
  return out;
}
