// What informants write to a police tip line in Prayagraj: Hindi, English and Hinglish, about the
// crimes such lines hear about most. Placeholders: {place}, {vehicle}, {time}, {mobile}.
// All names, places and numbers are invented.

export const PLACES = [
  "Kareli ke peeche wali gali",
  "Naini industrial area",
  "Jhunsi bus stand",
  "Civil Lines, Hanuman Mandir ke paas",
  "Dhoomanganj chauraha",
  "कीडगंज घाट",
  "फाफामऊ पुल के नीचे",
  "कोतवाली के पास चौक",
  "Shivkuti road",
  "Colonelganj market",
  "Teliyarganj hostel ke saamne",
  "Daraganj sabzi mandi",
];

export const TEXTS: { lang: "hi" | "en" | "hinglish"; category: string; text: string }[] = [
  {
    lang: "hi",
    category: "ILLEGAL_LIQUOR",
    text: "{place} में रोज़ रात को कच्ची शराब बनाई और बेची जा रही है। {time} के बाद भीड़ लगती है।",
  },
  {
    lang: "hinglish",
    category: "ILLEGAL_LIQUOR",
    text: "Sir {place} me kachhi daru ki bhatti chal rahi hai, roz raat {time} ke baad. Pichle hafte ek aadmi bimaar bhi hua tha",
  },
  {
    lang: "en",
    category: "ILLEGAL_LIQUOR",
    text: "Illegal liquor is being sold from a tea stall at {place}. Supply comes in a white van {vehicle} every evening.",
  },
  {
    lang: "hi",
    category: "THEFT_ROBBERY",
    text: "{place} पर आज {time} बजे दो लड़के बाइक पर आए और एक महिला की चेन छीनकर भाग गए। बाइक नंबर {vehicle} था।",
  },
  {
    lang: "hinglish",
    category: "THEFT_ROBBERY",
    text: "Chain snatching hui abhi {place} pe, do ladke black pulsar {vehicle} pe the, helmet nahi tha",
  },
  {
    lang: "en",
    category: "THEFT_ROBBERY",
    text: "Chain snatching near {place} around {time}. Two men on a motorcycle, registration {vehicle}. They went towards the bridge.",
  },
  {
    lang: "hi",
    category: "WOMEN_SAFETY",
    text: "{place} पर कुछ लड़के रोज़ स्कूल की लड़कियों को छेड़ते हैं। {time} के आसपास खड़े रहते हैं।",
  },
  {
    lang: "hinglish",
    category: "WOMEN_SAFETY",
    text: "Eve teasing ho rahi hai {place} pe, ladkiyon ka coaching se aana mushkil ho gaya hai. Ek ladka {vehicle} wali scooty pe aata hai",
  },
  {
    lang: "en",
    category: "WOMEN_SAFETY",
    text: "Group of boys harassing girls outside the coaching centre at {place} every day around {time}. Please send a patrol.",
  },
  {
    lang: "hi",
    category: "LAND_MAFIA",
    text: "{place} में भू-माफिया विधवा की ज़मीन पर ज़बरदस्ती कब्ज़ा कर रहे हैं। धमकी देने वाले का नंबर {mobile} है।",
  },
  {
    lang: "hinglish",
    category: "LAND_MAFIA",
    text: "Land mafia wale {place} me plot pe kabza kar rahe hain, boundary wall raaton raat bana di. Unka aadmi {mobile} se dhamki deta hai",
  },
  {
    lang: "en",
    category: "LAND_MAFIA",
    text: "Illegal construction on government land at {place}. The builder's men threatened residents; one of them called from {mobile}.",
  },
  { lang: "hi", category: "NARCOTICS", text: "{place} पर स्मैक बेची जा रही है। नौजवान लड़के {time} के बाद आते हैं।" },
  {
    lang: "hinglish",
    category: "NARCOTICS",
    text: "Smack aur ganja bik raha hai {place} pe, ek aadmi {vehicle} gaadi me maal laata hai. Bachche barbaad ho rahe hain",
  },
  {
    lang: "en",
    category: "NARCOTICS",
    text: "Drug peddling near {place}. A man on scooter {vehicle} supplies packets to students after {time}.",
  },
  { lang: "hi", category: "GAMBLING", text: "{place} में रोज़ जुआ खेला जाता है, बड़ी रकम लगती है। {time} के बाद शुरू होता है।" },
  {
    lang: "hinglish",
    category: "ILLEGAL_ARMS",
    text: "Bhai {place} me ek aadmi desi katta bech raha hai, {mobile} pe baat karta hai. Kal raat firing bhi hui thi",
  },
  {
    lang: "en",
    category: "CYBER_FRAUD",
    text: "I got a call from {mobile} claiming to be from the bank, asking for OTP. Many people in {place} have lost money this way.",
  },
  {
    lang: "hi",
    category: "TRAFFIC",
    text: "{place} पर ओवरलोड ट्रक {vehicle} रोज़ गलत दिशा में चलता है, कल एक बच्चे को टक्कर मारी।",
  },
  {
    lang: "hinglish",
    category: "CORRUPTION",
    text: "{place} chowki pe challan ke naam pe paise liye ja rahe hain bina receipt ke, {time} ke aas paas",
  },
  {
    lang: "en",
    category: "OTHER",
    text: "Suspicious people staying in a rented room at {place} for a week, they move around only at night.",
  },
  { lang: "hi", category: "ILLEGAL_LIQUOR", text: "शराब ठेके के पीछे अवैध बिक्री — {place}। पुलिस आने से पहले सब हटा देते हैं।" },
];

export const FOLLOW_UPS = [
  "Aaj phir wahi log aaye the",
  "आज फिर वही लोग दिखे",
  "Photo bhej raha hoon",
  "Please jaldi action lijiye",
  "They are there right now",
  "मेरा नाम मत बताइएगा",
  "Gaadi ka number dobara check kiya: {vehicle}",
  "Location bhej raha hoon",
  "Kal subah bhi dekha tha",
];

export const CAPTIONS = ["Yahi jagah hai", "यही वह जगह है", "Van is parked here", "Bhatti ka photo", "Their vehicle"];

const VEHICLE_STATES = ["UP70", "UP 70", "UP-70", "UP32", "UP65"];

export function fill(template: string, rnd: () => number) {
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  const letters = () =>
    String.fromCharCode(65 + Math.floor(rnd() * 26)) + String.fromCharCode(65 + Math.floor(rnd() * 26));
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join("");
  return template
    .replaceAll("{place}", pick(PLACES))
    .replaceAll("{time}", `${7 + Math.floor(rnd() * 5)}`)
    .replaceAll("{mobile}", `9${digits(9)}`)
    .replaceAll("{vehicle}", () => {
      const st = pick(VEHICLE_STATES);
      const sep = st.includes(" ") ? " " : st.includes("-") ? "-" : "";
      return `${st}${sep}${letters()}${sep}${digits(4)}`;
    });
}
