// The fetch allowlist's grammar (FETCH_ALLOWED_HOSTS), read once at start-up by lib/env.ts so a
// typo stops the server instead of failing every download later.
import ipaddr from "ipaddr.js";

export type AllowEntry = {
  scheme: "https:" | "http:";
  host: string;
  wildcard: boolean;
  port: string;
  ipLiteral: boolean;
};

export const DEFAULT_PORT: Record<string, string> = { "https:": "443", "http:": "80" };

/** `api.twilio.com`, `*.exotel.com`, `http://127.0.0.1:3101`, `[::1]:8443`: scheme https and its port unless written. */
export function parseAllowlist(entries: string[]): AllowEntry[] {
  return entries.map((raw) => {
    const m = raw
      .trim()
      .toLowerCase()
      .match(/^(?:(https?):\/\/)?(\*\.)?(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?\/?$/);
    if (!m) throw new Error(`FETCH_ALLOWED_HOSTS: cannot read "${raw}"`);
    const scheme = (m[1] ? `${m[1]}:` : "https:") as AllowEntry["scheme"];
    const host = m[3];
    const bare = host.replace(/^\[|\]$/g, "");
    return {
      scheme,
      host,
      wildcard: !!m[2],
      port: m[4] ?? DEFAULT_PORT[scheme],
      ipLiteral: !m[2] && ipaddr.isValid(bare),
    };
  });
}
