// Dates and numbers as the desk reads them: the app's locale ("en", "hi") mapped to the Indian
// variant Intl knows ("en-IN", "hi-IN") in this one place, always in IST (lib/time/ist.ts).
// Formatters are built once per locale and style: building one costs more than formatting (it
// showed in the queue page's CPU profile, ADR 0303).
import { TIME_ZONE } from "./ist";

/** The Intl (BCP 47) locale for an app locale. */
export function intlLocale(locale: string): "hi-IN" | "en-IN" {
  return locale === "hi" ? "hi-IN" : "en-IN";
}

/**
 * Named date-time styles. Times use `hourCycle: "h23"` where they are 24-hour (`hour12: false`
 * resolves to h24 in en and hi and prints the hour after midnight as "24:57").
 */
const STYLES = {
  /** "2 Dec 2026, 12:57 am": headers, reports. */
  long: { dateStyle: "medium", timeStyle: "short" },
  /** "02/12/26, 12:57:55 am": timelines, logs. */
  short: { dateStyle: "short", timeStyle: "medium" },
  /** "02/12/26, 12:57 am". */
  compact: { dateStyle: "short", timeStyle: "short" },
  /** "2 Dec 2026". */
  date: { dateStyle: "medium" },
  /** "00:57". */
  clock: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  /** "02 Dec, 00:57": the queue's cells. */
  cell: { day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof STYLES;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(locale: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = dateFormats.get(key);
  if (!f)
    dateFormats.set(key, (f = new Intl.DateTimeFormat(intlLocale(locale), { ...STYLES[style], timeZone: TIME_ZONE })));
  return f;
}

export function formatDateTime(at: Date | string | number, locale: string, style: DateStyle = "long"): string {
  return dateFormat(locale, style).format(typeof at === "string" ? new Date(at) : at);
}

/** An IST calendar day ("2026-11-20") as "20 Nov 2026" (or as `opts` say); no instant involved. */
export function formatDay(
  day: string,
  locale: string,
  opts: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" },
): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { ...opts, timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

export function formatNumber(n: number, locale: string, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(locale), opts).format(n);
}
