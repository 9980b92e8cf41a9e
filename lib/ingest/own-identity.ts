// Before anything is written, the sender's own identity is taken out of what they sent: their own
// numbers (every identifier they are known by — the ones this message carries, and those linked to
// them earlier, looked up only when the text holds a number none of this message's identifiers
// matches), their profile name, and their own card among shared contacts (lib/identity/own-identity.ts).
import "server-only";
import { db } from "../db";
import { addressHashes } from "../identity/crypto";
import { findNumbers, isOwnContact, maskName, maskOwnNumbers, numberHashes } from "../identity/own-identity";
import { senderAddresses } from "./upsert-informant";
import type { IngestEvent, Sender } from "./types";
import type { Prisma } from "../generated/prisma/client";

export async function withoutOwnIdentity(ev: IngestEvent): Promise<IngestEvent> {
  if (ev.type === "edit") {
    if (!ev.body) return ev;
    const own = await ownHashes(ev.sender, [ev.body]);
    return { ...ev, body: clean(ev.body, own, ev.sender) };
  }
  if (ev.type !== "message") return ev;
  let { body, meta } = ev;
  const contacts = ev.messageKind === "CONTACTS" && Array.isArray(meta?.contacts) ? (meta.contacts as unknown[]) : null;
  const own = await ownHashes(ev.sender, [body, ...strings(meta), ...strings(ev.payload)]);
  if (contacts) {
    // The sender's own card is identity, not tip content: it goes whole.
    const others = contacts.filter((c) => !isOwnContact(c, own));
    if (others.length !== contacts.length) {
      meta = { ...meta, contacts: others as Prisma.InputJsonArray };
      body = others
        .map((c) => (c as { name?: { formatted_name?: string } })?.name?.formatted_name ?? "")
        .filter(Boolean)
        .join(", ");
    }
  }
  const c = (s: string) => clean(s, own, ev.sender);
  return { ...ev, body: c(body), meta: meta && mapStrings(meta, c), payload: mapStrings(ev.payload, c) };
}

function clean(text: string, own: ReadonlySet<string>, sender: Sender) {
  return maskName(maskOwnNumbers(text, own), sender.name);
}

/** Keyed hashes of every identifier the sender is known by that a number in `texts` could match. */
async function ownHashes(sender: Sender, texts: string[]): Promise<ReadonlySet<string>> {
  const own = new Set(senderAddresses(sender).flatMap((a) => addressHashes(a)));
  const candidates = new Set(texts.flatMap((t) => findNumbers(t).flatMap((n) => numberHashes(n.raw))));
  const unknown = [...candidates].filter((h) => !own.has(h));
  if (!unknown.length) return own;
  // A number this message's identifiers do not explain may still be the sender's: one linked earlier.
  const rows = await db.$queryRaw<{ hash: string }[]>`
    SELECT o."hash" FROM "InformantIdentifier" s JOIN "InformantIdentifier" o ON o."informantId" = s."informantId"
     WHERE s."hash" = ANY(${[...own]}::text[]) AND o."hash" = ANY(${unknown}::text[])`;
  for (const r of rows) own.add(r.hash);
  return own;
}

/** Every string inside a JSON value (bounded: input was sanitised before it got here). */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/** Applies `clean` to every string inside a JSON value. */
export function mapStrings<T>(value: T, clean: (s: string) => string): T {
  if (typeof value === "string") return clean(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, clean)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, clean)])) as T;
  return value;
}
