// CSV for spreadsheets: RFC 4180 quoting, a UTF-8 byte-order mark so Excel reads Devanagari, and
// a guard against formula injection — a cell starting with = + - @ (or tab / carriage return)
// would run as a formula in Excel or Sheets, so it gets a leading apostrophe (OWASP's advice).
export const BOM = "\uFEFF";

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}
