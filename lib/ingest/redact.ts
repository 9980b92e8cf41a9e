// Identity-free copies of provider payloads for WebhookEvent.payload: removes every field that
// names or numbers the sender (Meta's from/wa_id/user_id/profile…, Twilio's From/Caller/WaId/
// ProfileName and caller geography, Exotel's From/CallFrom…). Keys are matched case-insensitively
// anywhere in the object. Third-party numbers inside shared contacts go too — the contents stay
// in the Message, which officers are allowed to see.
import type { Prisma } from "../generated/prisma/client";

const IDENTITY_KEYS = new Set(
  [
    // Meta
    "from", "from_user_id", "from_logical_id", "wa_id", "new_wa_id", "user_id", "parent_user_id", "username", "profile",
    "recipient_id", "recipient_user_id", "identity_key_hash", "customer", "system", "phones", "emails", "addresses",
    // Twilio
    "caller", "called", "to", "waid", "profilename", "forwardedfrom", "callername", "stirverstat", "stirpassportToken".toLowerCase(),
    "fromcity", "fromstate", "fromzip", "fromcountry", "callercity", "callerstate", "callerzip", "callercountry",
    "tocity", "tostate", "tozip", "tocountry", "calledcity", "calledstate", "calledzip", "calledcountry",
    // Exotel
    "callfrom", "callto", "dialwhomnumber", "phonenumber",
  ].map((k) => k.toLowerCase()),
);

export function redact(value: unknown): Prisma.InputJsonValue {
  return walk(value) as Prisma.InputJsonValue;
}

function walk(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(walk);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (!IDENTITY_KEYS.has(k.toLowerCase())) out[k] = walk(x);
    return out;
  }
  return v ?? null;
}
