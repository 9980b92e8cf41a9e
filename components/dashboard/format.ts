// Number and duration formatting shared by the dashboard, its tables and the daily report (the
// locale's Intl variant and the day format come from lib/time/format.ts).
import { formatNumber } from "@/lib/time/format";
type T = (key: string, values?: Record<string, string | number>) => string;

/** A duration in seconds as the largest sensible units: "42 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(seconds: number | null, t: T, none = "—"): string {
  if (seconds === null || !Number.isFinite(seconds)) return none;
  const s = Math.max(0, seconds);
  if (s < 60) return t("duration.seconds", { n: Math.round(s) });
  if (s < 3600) return t("duration.minutes", { n: s < 600 ? Math.round(s / 6) / 10 : Math.round(s / 60) });
  const totalMin = Math.round(s / 60);
  if (s < 86400) return t("duration.hours", { h: Math.floor(totalMin / 60), m: totalMin % 60 });
  const totalH = Math.round(s / 3600);
  return t("duration.days", { d: Math.floor(totalH / 24), h: totalH % 24 });
}

export function formatShare(share: number | null, locale: string, none = "—"): string {
  if (share === null) return none;
  return formatNumber(share, locale, { style: "percent", maximumFractionDigits: 1 });
}

export function formatCount(n: number, locale: string): string {
  return formatNumber(n, locale);
}
