// Provider input made storable before anything walks it. PostgreSQL refuses NUL (`\u0000`) in text
// and jsonb and lone UTF-16 surrogates (`\ud800`) in jsonb; a deeply nested extra field overflows
// every recursive walk (and JSON.stringify); a huge string or array costs memory and index space.
// So every provider string is cleaned here (NUL and lone surrogates → U+FFFD, length capped) and
// every JSON value is copied iteratively with depth, width and length bounds. What was replaced or
// cut is counted, and the count is recorded on the webhook event. Pure and synchronous.

import { clip } from "../text/clip";

export const LIMITS = {
  /** Characters per string: a WhatsApp text is at most 4,096; captions and names far less. */
  string: 20_000,
  /** Nesting below the delivery's root: Meta's deepest documented path is about 8 levels. */
  depth: 24,
  /** Items per array and keys per object. */
  width: 500,
};

export type Repairs = { count: number };

const BAD = /[\u0000\ud800-\udbff\udc00-\udfff]/;

/** NUL and lone surrogates → U+FFFD; over-long strings cut. Adds what it changed to `repairs`. */
export function cleanText(s: string, repairs: Repairs, max = LIMITS.string): string {
  let out = s;
  if (out.length > max) {
    out = clip(out, max);
    repairs.count++;
  }
  if (!BAD.test(out)) return out;
  let r = "";
  for (let i = 0; i < out.length; i++) {
    const c = out.charCodeAt(i);
    if (c === 0) {
      r += "\ufffd";
      repairs.count++;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = out.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        r += out[i] + out[i + 1];
        i++;
      } else {
        r += "\ufffd";
        repairs.count++;
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      r += "\ufffd";
      repairs.count++;
    } else r += out[i];
  }
  return r;
}

/**
 * A bounded, cleaned copy of a parsed JSON value, built without recursion: strings (keys too)
 * cleaned, anything nested deeper than `LIMITS.depth` replaced by null, arrays and objects cut to
 * `LIMITS.width` entries. Every later walk of the result is therefore bounded.
 */
export function sanitiseJson(value: unknown, repairs: Repairs): unknown {
  const root: { v: unknown } = { v: undefined };
  const stack: { src: unknown; set: (v: unknown) => void; depth: number }[] = [
    { src: value, set: (v) => (root.v = v), depth: 0 },
  ];
  while (stack.length) {
    const { src, set, depth } = stack.pop()!;
    if (typeof src === "string") set(cleanText(src, repairs));
    else if (src === null || typeof src === "number" || typeof src === "boolean") set(src);
    else if (typeof src !== "object") set(null);
    else if (depth >= LIMITS.depth) {
      repairs.count++;
      set(null);
    } else if (Array.isArray(src)) {
      if (src.length > LIMITS.width) repairs.count++;
      const out: unknown[] = new Array(Math.min(src.length, LIMITS.width));
      set(out);
      for (let i = 0; i < out.length; i++) stack.push({ src: src[i], set: (v) => (out[i] = v), depth: depth + 1 });
    } else {
      const entries = Object.entries(src as Record<string, unknown>);
      if (entries.length > LIMITS.width) repairs.count++;
      const out: Record<string, unknown> = {};
      set(out);
      for (const [k, v] of entries.slice(0, LIMITS.width)) {
        const key = cleanText(k, repairs, 200);
        // defineProperty: a "__proto__" key stays a plain key, as JSON.parse made it.
        stack.push({
          src: v,
          set: (x) =>
            Object.defineProperty(out, key, { value: x, enumerable: true, writable: true, configurable: true }),
          depth: depth + 1,
        });
      }
    }
  }
  return root.v;
}
