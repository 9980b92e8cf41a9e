// The absolute session lifetime (SESSION_MAX_HOURS, one shift) counted from sign-in, beside the idle
// window: renewals of the cookie never carry a session past it. No `server-only`: proxy.ts uses it.
import { env } from "../env";

export function sessionEndsAt(authAtSeconds: number): number {
  return authAtSeconds * 1000 + env().SESSION_MAX_HOURS * 3_600_000;
}

export function sessionExpired(authAtSeconds: number | undefined, now = Date.now()): boolean {
  return typeof authAtSeconds !== "number" || now >= sessionEndsAt(authAtSeconds);
}

/** A token's max age (seconds) that never reaches past the absolute end. */
export function cappedMaxAge(maxAgeSeconds: number, authAtSeconds: number | undefined, now = Date.now()): number {
  if (typeof authAtSeconds !== "number") return maxAgeSeconds;
  return Math.max(0, Math.min(maxAgeSeconds, Math.floor((sessionEndsAt(authAtSeconds) - now) / 1000)));
}
