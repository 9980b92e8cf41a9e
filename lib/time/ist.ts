// The desk's one clock: India Standard Time. Days, "today", years of refs, the dashboard's hours and
// the recurring jobs' periods are all IST, computed here (pure: server, browser and tests alike).
// India has had no daylight saving since 1945, so IST is UTC+05:30 all year (ADR 0500) and a day's
// bounds are plain arithmetic. SQL gets the same through mukhbir_internal.ist_day / ist_hour /
// ist_midnight (prisma/functions), whose one copy of the offset is ist_utc_offset(); an
// integration test (lib/time/ist.int.test.ts) checks both sides agree.

/** The IANA name, for Intl formatting (lib/time/format.ts) and next-intl. */
export const TIME_ZONE = "Asia/Kolkata";
// Kept private: other modules ask for days and hours, never do offset arithmetic themselves.
const IST_OFFSET_MS = 330 * 60_000;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A calendar day in IST, "YYYY-MM-DD". */
export type IstDay = string;

const ms = (at: Date | number) => (typeof at === "number" ? at : at.getTime());

/** The IST calendar day an instant falls on. */
export function istDay(at: Date | number): IstDay {
  return new Date(ms(at) + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant an IST day starts. */
export function istMidnight(day: IstDay): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - IST_OFFSET_MS);
}

/** The instant the IST day containing `at` started ("today" for now). */
export function startOfIstDay(at: Date | number): Date {
  return istMidnight(istDay(at));
}

export function addDays(day: IstDay, n: number): IstDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: IstDay, to: IstDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The IST calendar year (tip refs are numbered per IST year). */
export function istYear(at: Date | number): number {
  return new Date(ms(at) + IST_OFFSET_MS).getUTCFullYear();
}

/** Whole IST hours since 1970-01-01 00:00 IST (SQL: mukhbir_internal.ist_hour). */
export function istHour(at: Date | number): number {
  return Math.floor((ms(at) + IST_OFFSET_MS) / HOUR_MS);
}

/** Day, ISO weekday (1 = Monday) and hour of the day of an istHour() value. */
export function splitIstHour(h: number): { day: IstDay; isoDow: number; hour: number } {
  const dayNum = Math.floor(h / 24);
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return {
    day: new Date(dayNum * DAY_MS).toISOString().slice(0, 10),
    isoDow: ((dayNum + 3) % 7) + 1,
    hour: h - dayNum * 24,
  };
}

/** Start of the period of length `every` containing `at`, periods counted from IST midnight. */
export function istPeriodStart(at: Date | number, every: number): number {
  return Math.floor((ms(at) + IST_OFFSET_MS) / every) * every - IST_OFFSET_MS;
}

/** "2026-11-20 14:03:07": an instant as IST wall-clock text (CSV exports; seconds truncated). */
export function istTimestampText(at: Date | number): string {
  return new Date(ms(at) + IST_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}
