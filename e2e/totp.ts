// TOTP codes for the specs, computed from the secret the enrolment page shows (as a phone would),
// never the same 30-second step twice for one user: the server refuses a code it accepted before.
import { Secret, TOTP } from "otpauth";

const PERIOD = 30;
const stepNow = () => Math.floor(Date.now() / 1000 / PERIOD);

export function totpCode(secret: string, step = stepNow()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: PERIOD }).generate({
    timestamp: step * PERIOD * 1000,
  });
}

/** A code for a step after `lastStep` (the server accepts one step of drift ahead), waiting if needed. */
export async function freshCode(secret: string, lastStep: number | undefined): Promise<{ code: string; step: number }> {
  const step = Math.max(stepNow(), (lastStep ?? 0) + 1);
  while (stepNow() < step - 1) await new Promise((r) => setTimeout(r, 1000));
  return { code: totpCode(secret, step), step };
}
