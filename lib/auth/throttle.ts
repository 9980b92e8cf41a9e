// Sign-in throttling that an attacker cannot turn against the desk (ADR 0012):
// - per (username, address): a hard lock after LOGIN_MAX_FAILURES failures, LOGIN_LOCK_MINUTES
//   long and doubling with every further failure after it ends (capped at a day);
// - per username across addresses, and per address across usernames (4x the limit within a clock
//   hour): only a slow-down (a delay before the password is checked, at most
//   LOGIN_SLOWDOWN_MAX_SECONDS), never a refusal, so failures from elsewhere can never keep an
//   officer with the right password and code out.
// Counters are keyed hashes (never the typed username) and are bumped by one upsert statement, so
// concurrent failures all count. A counter restarts after a day without failures.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { env } from "../env";
import { keyedHash } from "./derived-keys";

const WINDOW = Prisma.sql`interval '24 hours'`;
const MAX_LOCK_MINUTES = 24 * 60;
const SLOW_BASE_MS = 250;
/** An address is slowed down only after this many times the per-pair limit (a shared office NAT). */
const ADDRESS_FACTOR = 4;

type Keys = { pair: string; user: string; address: string; subject: string };

function keys(username: string, ip: string): Keys {
  const h = (v: string) => keyedHash("throttle-key", v);
  // The address counter starts afresh every hour (the hour is in its key): a desk behind one NAT
  // that makes a few honest typos a day never accumulates a slow-down.
  const hour = new Date().toISOString().slice(0, 13);
  return {
    pair: `p:${h(`p\u0000${username}\u0000${ip}`)}`,
    user: `u:${h(`u\u0000${username}`)}`,
    address: `a:${h(`a\u0000${ip}\u0000${hour}`)}`,
    subject: h(`s\u0000${username}`),
  };
}

/** Seconds left on the (username, address) lock, 0 when not locked. (Floored: the column keeps
 * milliseconds, now() microseconds, so a fresh 15-minute lock may read 900.0005 s.) */
export async function lockedSeconds(username: string, ip: string): Promise<number> {
  const [row] = await db.$queryRaw<{ s: number }[]>`
    SELECT greatest(1, floor(extract(epoch FROM "lockedUntil" - now())))::int AS s
      FROM "LoginThrottle" WHERE "key" = ${keys(username, ip).pair} AND "lockedUntil" > now()`;
  return row?.s ?? 0;
}

/** The delay to impose before checking a password: grows with failures for the username anywhere and from the address. */
export async function slowDownMs(username: string, ip: string): Promise<number> {
  const { LOGIN_MAX_FAILURES: max, LOGIN_SLOWDOWN_MAX_SECONDS: capSeconds } = env();
  const k = keys(username, ip);
  const rows = await db.$queryRaw<{ key: string; failures: number }[]>`
    SELECT "key", "failures" FROM "LoginThrottle" WHERE "key" IN (${k.user}, ${k.address}) AND "lastFailureAt" > now() - ${WINDOW}`;
  let ms = 0;
  for (const r of rows) {
    const threshold = r.key === k.user ? max : max * ADDRESS_FACTOR;
    if (r.failures >= threshold) ms = Math.max(ms, SLOW_BASE_MS * 2 ** Math.min(16, r.failures - threshold));
  }
  return Math.min(ms, capSeconds * 1000);
}

/** Counts one failure on all three counters in one statement; returns the pair's lock in seconds (0 = none). */
export async function recordFailure(username: string, ip: string): Promise<number> {
  const { LOGIN_MAX_FAILURES: max, LOGIN_LOCK_MINUTES: lockMinutes } = env();
  const k = keys(username, ip);
  const next = Prisma.sql`CASE WHEN t."lastFailureAt" < now() - ${WINDOW} THEN 1 ELSE t."failures" + 1 END`;
  const lockFor = (n: Prisma.Sql) =>
    Prisma.sql`now() + least(${MAX_LOCK_MINUTES}::float8, ${lockMinutes}::float8 * power(2, least(20, (${n}) - ${max}::int))) * interval '1 minute'`;
  const rows = await db.$queryRaw<{ key: string; locked: number }[]>`
    INSERT INTO "LoginThrottle" AS t ("key", "subject", "failures", "lastFailureAt", "lockedUntil")
    SELECT v.key, v.subject, 1, now(), CASE WHEN v.key LIKE 'p:%' AND 1 >= ${max}::int THEN ${lockFor(Prisma.sql`1`)} END
      FROM (VALUES (${k.pair}, ${k.subject}), (${k.user}, ${k.subject}), (${k.address}, NULL::text)) AS v(key, subject)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = ${next},
      "lastFailureAt" = now(),
      "lockedUntil" = CASE WHEN t."key" LIKE 'p:%' AND ${next} >= ${max}::int THEN ${lockFor(next)} ELSE t."lockedUntil" END
    RETURNING t."key", coalesce(floor(extract(epoch FROM t."lockedUntil" - now())), 0)::int AS locked`;
  return Math.max(0, rows.find((r) => r.key === k.pair)?.locked ?? 0);
}

/** A successful sign-in clears its own (username, address) counter; the slow-downs decay by themselves. */
export async function clearPair(username: string, ip: string) {
  await db.loginThrottle.deleteMany({ where: { key: keys(username, ip).pair } });
}

/** An admin's password reset clears every counter of that username (all addresses). */
export function subjectOf(username: string): string {
  return keys(username, "").subject;
}

/** The daily clean-up: counters quiet for a day and not locked any more. */
export async function pruneThrottle() {
  return db.$executeRaw`DELETE FROM "LoginThrottle" WHERE "lastFailureAt" < now() - ${WINDOW} AND ("lockedUntil" IS NULL OR "lockedUntil" < now())`;
}
