// Cutting user text to a length without cutting a character in half: a UTF-16 surrogate pair split
// at the cut leaves a lone surrogate, which PostgreSQL refuses in jsonb (22P02) — and a webhook whose
// text was cut that way would be refused on every redelivery.
export function clip(s: string, max: number, ellipsis = ""): string {
  if (s.length <= max) return s;
  const room = max - ellipsis.length;
  const code = s.charCodeAt(room - 1);
  const cut = code >= 0xd800 && code <= 0xdbff ? room - 1 : room;
  return s.slice(0, cut) + ellipsis;
}
