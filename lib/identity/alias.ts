// The name officers see instead of an identity: `M-7K3Q`. Random (not derived from the address, so
// it reveals nothing), from an alphabet without look-alikes (0/O, 1/I/L) so it can be read out on
// the phone. Uniqueness is the database's job (Informant.alias is unique): callers retry on a
// collision, with a longer alias after a few misses so a crowded space cannot loop for long.
import crypto from "node:crypto";

export const ALIAS_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function newAlias(length = 4, bytes = crypto.randomBytes(length * 2)): string {
  let s = "";
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 31).
  for (let i = 0; s.length < length; i++) {
    const b = i < bytes.length ? bytes[i] : crypto.randomBytes(1)[0];
    if (b < 248) s += ALIAS_ALPHABET[b % ALIAS_ALPHABET.length];
  }
  return `M-${s}`;
}

/** Alias length for the n-th attempt: 4 characters, then 5, then 6. */
export function aliasLength(attempt: number) {
  return attempt < 3 ? 4 : attempt < 6 ? 5 : 6;
}

/** Ten aliases to try in order (the database takes the first that is free), from one call for random bytes. */
export function aliasCandidates(): string[] {
  const bytes = crypto.randomBytes(10 * 12);
  return Array.from({ length: 10 }, (_, i) =>
    newAlias(aliasLength(i), bytes.subarray(i * 12, i * 12 + aliasLength(i) * 2)),
  );
}
