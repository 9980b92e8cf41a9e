// Form-encoded provider callbacks (Twilio, Exotel): parameters cleaned on the way in (NUL → U+FFFD,
// lengths capped: lib/ingest/sanitise.ts), an allowlisted copy for WebhookEvent.payload, and small
// values parsed.
import type { Prisma } from "../generated/prisma/client";
import { keep, type Shape } from "./payload-allowlist";
import { cleanText, LIMITS, type Repairs } from "./sanitise";

export type Params = Map<string, string> & { repairs?: number };

/** The first value of each parameter, cleaned; at most LIMITS.width parameters. */
export function paramsOf(pairs: Iterable<[string, string]>): Params {
  const repairs: Repairs = { count: 0 };
  const m: Params = new Map<string, string>();
  for (const [k, v] of pairs) {
    if (m.size >= LIMITS.width) {
      repairs.count++;
      break;
    }
    const key = cleanText(k, repairs, 200);
    if (!m.has(key)) m.set(key, cleanText(v, repairs));
  }
  m.repairs = repairs.count;
  return m;
}

/** The allowed parameters only (payload-allowlist.ts): never numbers, names or caller geography. */
export function safePayload(p: Params, shape: Shape): Prisma.InputJsonValue {
  return keep(Object.fromEntries(p), shape);
}

export function int(v: string | undefined): number | undefined {
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : undefined;
}

export class FormInputError extends Error {}

export function required(p: Params, name: string, pattern = /^[A-Za-z0-9_.:-]{1,128}$/): string {
  const v = p.get(name);
  if (!v || !pattern.test(v)) throw new FormInputError(`missing or malformed ${name}`);
  return v;
}
