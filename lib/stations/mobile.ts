// An Indian mobile number as officers type it (98765 43210, +91-98765-43210, 098765…) in one form:
// 91 and the ten digits, which start with 6, 7, 8 or 9. Anything else is not a mobile number.
export function indianMobile(raw: string): string | null {
  const digits = raw.trim().replace(/[\s\-().]/g, "");
  const m = /^(?:\+91|0091|91|0)?([6-9]\d{9})$/.exec(digits);
  return m ? `91${m[1]}` : null;
}
