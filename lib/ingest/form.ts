// Form-encoded provider callbacks (Twilio, Exotel): pick known parameters, keep an identity-free
// copy for WebhookEvent.payload, and parse small values.
import type { Prisma } from "../generated/prisma/client";
import { redact } from "./redact";

export type Params = Map<string, string>;

export function paramsOf(pairs: Iterable<[string, string]>): Params {
  const m = new Map<string, string>();
  for (const [k, v] of pairs) if (!m.has(k)) m.set(k, v);
  return m;
}

/** Provider parameters minus identity (numbers, names, caller geography). */
export function safePayload(p: Params): Prisma.InputJsonValue {
  return redact(Object.fromEntries(p));
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
