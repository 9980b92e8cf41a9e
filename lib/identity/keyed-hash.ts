// The keyed hash a provider id is kept as (lib/identity/crypto.ts hashProviderId), as a pure
// function of the pepper: tests that read the database from outside the server compute it too.
import crypto from "node:crypto";

export function providerIdHash(pepper: string, id: string): string {
  return (
    "h:" +
    crypto
      .createHmac("sha256", pepper)
      .update("provider-id\0" + id, "utf8")
      .digest("base64url")
  );
}

/** A pepper's public name (rows record which pepper their hashes were made with): not the pepper. */
export function pepperId(pepper: string): string {
  return crypto
    .createHash("sha256")
    .update("pepper-id\0" + pepper, "utf8")
    .digest("hex")
    .slice(0, 12);
}
