// The keyed hash a provider id is kept as (lib/identity/crypto.ts hashProviderId), as a pure
// function of the pepper: tests that read the database from outside the server compute it too.
import crypto from "node:crypto";

export function providerIdHash(pepper: string, id: string): string {
  return "h:" + crypto.createHmac("sha256", pepper).update("provider-id\0" + id, "utf8").digest("base64url");
}
