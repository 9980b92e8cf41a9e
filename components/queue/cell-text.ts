// Text the queue's cells repeat on every row, looked up once per table render instead of once per
// cell (ADR 0303): argument-free messages through a per-render cache, and messages with an argument
// as a template filled per row (dates: one Intl.DateTimeFormat per locale, lib/time/format.ts). Per row, the render profile showed about a dozen next-intl lookups, an ICU format and two
// formatter-cache keys (JSON.stringify of the options).
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
