// Sign-in throttling: after LOGIN_MAX_FAILURES failures for a username or from an address within
// LOGIN_LOCK_MINUTES, refuse further attempts until the window has passed.
import "server-only";
import { db } from "../db";
import { env } from "../env";

export async function isLocked(username: string, ip: string): Promise<boolean> {
  const { LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES } = env();
  const since = new Date(Date.now() - LOGIN_LOCK_MINUTES * 60_000);
  const [byUser, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { username, at: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, at: { gte: since } } }),
  ]);
  return byUser >= LOGIN_MAX_FAILURES || byIp >= LOGIN_MAX_FAILURES;
}

export async function recordFailure(username: string, ip: string) {
  await db.loginAttempt.create({ data: { username, ip } });
}

export async function clearFailures(username: string) {
  await db.loginAttempt.deleteMany({ where: { username } });
}
