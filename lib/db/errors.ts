// Database errors by their SQLSTATE, wherever the driver or Prisma put it (pg's `code`, Prisma's
// `meta`, a driver adapter's `cause.originalCode`). Used to tell input that can never be stored
// from a database that cannot take it right now.

/** Prisma's own error codes (P1xxx–P6xxx) look like SQLSTATEs; plpgsql's P0xxx are real ones. */
const PRISMA_CODE = /^P[1-9]\d{3}$/;
const SQLSTATE = /^[0-9A-Z]{5}$/;

export function sqlState(e: unknown): string | undefined {
  const queue: unknown[] = [e];
  const seen = new Set<unknown>();
  while (queue.length) {
    const x = queue.shift();
    if (!x || typeof x !== "object" || seen.has(x) || seen.size > 20) continue;
    seen.add(x);
    const o = x as Record<string, unknown>;
    for (const k of ["originalCode", "code", "sqlState"]) {
      const v = o[k];
      if (typeof v === "string" && SQLSTATE.test(v) && !PRISMA_CODE.test(v)) return v;
    }
    queue.push(o.cause, o.meta, (o.meta as Record<string, unknown> | undefined)?.driverAdapterError);
  }
  return undefined;
}

/**
 * True when retrying the same input can never succeed: data exceptions (class 22: NUL bytes,
 * invalid text, values out of range), program limits (class 54: an index row too large, a
 * statement too complex) and a blown stack or size limit in our own walk of the input. Anything
 * else — connections, timeouts, locks, our own bugs — may succeed later and is answered 5xx.
 */
export function isPermanentInputError(e: unknown): boolean {
  if (e instanceof RangeError) return true;
  const s = sqlState(e);
  return !!s && (s.startsWith("22") || s.startsWith("54"));
}
