// Text the queue's cells repeat on every row, looked up once per table render instead of once per
// cell (ADR 0303): argument-free messages through a per-render cache, messages with an argument as
// a template filled per row, and the date format as one Intl.DateTimeFormat per locale and time
// zone. Per row, the render profile showed about a dozen next-intl lookups, an ICU format and two
// formatter-cache keys (JSON.stringify of the options).
import type { SlaPhase, SlaState } from "@/lib/sla/compute";

/**
 * `text(key)` remembered per key for one table render: argument-free messages (`(key) => t(key)`)
 * and plural messages over small counts (`(n) => t("mediaCount", { count: n })`) never vary per row.
 */
export function cachedText<K extends string | number>(text: (key: K) => string): (key: K) => string {
  const seen = new Map<K, string>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) seen.set(key, (value = text(key)));
    return value;
  };
}

// A private-use character: no message or value contains it.
const HOLE = "\uE000";

/**
 * A message with one plain-text argument ("Select {ref}", "{ref} चुनें") formatted once with a
 * placeholder, then filled per row by joining strings. Only for arguments used as text, not in
 * plural or select.
 */
export function argumentTemplate(format: (placeholder: string) => string): (value: string) => string {
  const parts = format(HOLE).split(HOLE);
  return (value) => parts.join(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "02 Dec, 00:57": day, short month and 24-hour time in the configured time zone. `hourCycle: "h23"`
 * (not `hour12: false`, which ICU resolves to h24 in en and hi and prints the hour after midnight as
 * "24:57").
 */
export function cellDateFormat(locale: string, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ""}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })));
  return f;
}

/** The SLA cell's words, resolved once per table render and handed to every timer. */
export type SlaLabels = { state: Record<SlaState, string>; phase: Record<SlaPhase, string> };

export function slaLabels(t: (key: string) => string): SlaLabels {
  return {
    state: { ok: t("sla.ok"), dueSoon: t("sla.dueSoon"), breached: t("sla.breached"), met: t("sla.met") },
    phase: { firstResponse: t("slaShort.firstResponse"), resolution: t("slaShort.resolution") },
  };
}
