// The due time as a person types it: IST wall-clock `YYYY-MM-DDTHH:mm` (an <input type="datetime-local">),
// whatever the browser's own zone. Both ways go through lib/time (ADR 0032).
import { HOUR_MS, MINUTE_MS, istMidnight, istTimestampText } from "../time/ist";

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** The instant an IST wall-clock value names, or null when it is not one. */
export function parseIstLocal(value: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [h, min] = [Number(m[2]), Number(m[3])];
  if (h > 23 || min > 59) return null;
  const midnight = istMidnight(m[1]);
  if (Number.isNaN(midnight.getTime())) return null;
  return new Date(midnight.getTime() + h * HOUR_MS + min * MINUTE_MS);
}

/** The IST wall-clock value of an instant, for a datetime-local input. */
export function toIstLocal(at: Date): string {
  return istTimestampText(at).slice(0, 16).replace(" ", "T");
}
