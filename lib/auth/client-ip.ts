// The caller's address for throttling and audit (ADR 0012). Under `npm start` the start-up hook
// (scripts/client-address-hook.cjs) has already replaced X-Forwarded-For with the one address that
// TRUSTED_PROXY_HOPS trusts, taken where the socket is still known. Without the hook (`next dev`, or
// `next start` run by hand) the socket is out of reach here: the header is read with the same rule,
// the socket standing in as Next recorded it when no header came, and start-up warns.
import { clientAddress } from "./client-address.cjs";
import { env } from "../env";

export function clientAddressHookLoaded(): boolean {
  return !!(globalThis as { __mukhbirClientAddressHook?: unknown }).__mukhbirClientAddressHook;
}

export function clientIp(header: (name: string) => string | null | undefined): string {
  const forwarded = header("x-forwarded-for") ?? undefined;
  if (clientAddressHookLoaded()) return forwarded?.trim() || "unknown";
  // The header's entries stand one step further out than the (unknown) socket; with 0 hops its
  // right-most entry is the socket as Next recorded it, when the client sent no header of its own.
  return clientAddress(undefined, forwarded, Math.max(1, env().TRUSTED_PROXY_HOPS));
}
