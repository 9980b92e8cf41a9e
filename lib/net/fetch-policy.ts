// Where the server may fetch from (docs/decisions/0210-one-fetch-policy.md). Media and recording
// URLs come from webhook payloads and provider answers: without a policy, a forged URL makes the
// server read cloud metadata or internal hosts. Two checks, both on every hop of a redirect:
//  1. the URL's scheme, host and port are on the allowlist (FETCH_ALLOWED_HOSTS);
//  2. every address the host resolves to is an ordinary public unicast address. Loopback and
//     private addresses pass only when the allowlist names that exact IP literal (a test's fake
//     provider on 127.0.0.1); link-local (cloud metadata), unspecified, multicast, broadcast,
//     reserved and IPv4-embedding IPv6 ranges never pass.
import "server-only";
import dns from "node:dns";
import ipaddr from "ipaddr.js";
import { PermanentJobError } from "../jobs/worker";
import { DEFAULT_PORT, type AllowEntry } from "./allowlist";

/** A refusal by the policy: permanent (retrying cannot change the answer), with the reason. */
export class FetchRefused extends PermanentJobError {}

export type Vetted = { address: string; family: 4 | 6 };
export type Lookup = (host: string) => Promise<{ address: string; family: number }[]>;

/** Ranges an explicit IP-literal entry may open (a test fake, an on-premises relay); all others never. */
const EXPLICITLY_ALLOWABLE = new Set(["loopback", "private", "uniqueLocal", "carrierGradeNat"]);

/** The entry that admits this URL, or a refusal naming why not. */
export function admit(url: URL, allow: AllowEntry[]): AllowEntry {
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new FetchRefused(`refused ${url.protocol} URL (only http and https)`);
  if (url.username || url.password) throw new FetchRefused("refused a URL with credentials in it");
  const host = url.hostname.toLowerCase();
  const port = url.port || DEFAULT_PORT[url.protocol];
  const entry = allow.find(
    (e) => e.scheme === url.protocol && e.port === port && (e.wildcard ? host.endsWith(`.${e.host}`) : host === e.host),
  );
  if (!entry)
    throw new FetchRefused(`refused ${url.protocol}//${url.host}: not on the fetch allowlist (FETCH_ALLOWED_HOSTS)`);
  return entry;
}

/** Why an address may not be connected to, or null when it may. */
export function addressProblem(address: string, entry: AllowEntry, literalHost: string | null): string | null {
  if (!ipaddr.isValid(address)) return `unparseable address ${address}`;
  // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1, ::ffff:7f00:1) into the IPv4 address it carries.
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range === "unicast") return null;
  const exact =
    entry.ipLiteral &&
    literalHost !== null &&
    ipaddr.process(literalHost).toNormalizedString() === ip.toNormalizedString();
  if (exact && EXPLICITLY_ALLOWABLE.has(range)) return null;
  return `${ip.toString()} is a ${range} address`;
}

const systemLookup: Lookup = async (host) => dns.promises.lookup(host, { all: true, verbatim: true });

/** Resolves the URL's host and vets every address it has; the first one is what we connect to. */
export async function vet(url: URL, entry: AllowEntry, lookup: Lookup = systemLookup): Promise<Vetted> {
  const bare = url.hostname.replace(/^\[|\]$/g, "");
  const literal = ipaddr.isValid(bare) ? bare : null;
  let found: { address: string; family: number }[];
  if (literal) found = [{ address: literal, family: ipaddr.parse(literal).kind() === "ipv6" ? 6 : 4 }];
  else {
    try {
      found = await lookup(bare);
    } catch (e) {
      // Not a refusal: DNS can fail for a while; the job retries.
      throw new Error(`cannot resolve ${bare}: ${(e as { code?: string }).code ?? "lookup failed"}`);
    }
  }
  if (!found.length) throw new Error(`cannot resolve ${bare}: no addresses`);
  // Refuse when any answer is special: a name that mixes public and internal answers is hostile.
  for (const a of found) {
    const problem = addressProblem(a.address, entry, literal);
    if (problem) throw new FetchRefused(`refused ${url.host}: ${problem}`);
  }
  return { address: found[0].address, family: found[0].family === 6 ? 6 : 4 };
}
