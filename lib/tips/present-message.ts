// What an officer's browser receives for one message: identity-free. The informant's own number is
// masked wherever they typed or shared it; a shared contact card is reduced to name, organisation
// and numbers (third parties), never passing provider ids through.
import "server-only";
import { hashAddress } from "../identity/crypto";
import { normalisePhone } from "../identity/address";
import { OWN_NUMBER_MARK, redactOwnNumber } from "../entities/redact-own-number";

export type SharedContact = { name: string; org: string | null; phones: string[] };

type Raw = { direction: string; kind: string; body: string; meta: unknown };

export function presentMessage<T extends Raw>(m: T, ownHash: string | null | undefined) {
  const inbound = m.direction === "INBOUND";
  const body = inbound ? redactOwnNumber(m.body, ownHash) : m.body;
  let meta = (m.meta && typeof m.meta === "object" ? m.meta : null) as Record<string, unknown> | null;
  let contacts: SharedContact[] | undefined;
  if (m.kind === "CONTACTS" && meta) {
    contacts = (Array.isArray(meta.contacts) ? meta.contacts : []).map((c) => sharedContact(c, ownHash));
    meta = null;
  }
  return { ...m, body, meta, contacts };
}

function sharedContact(c: unknown, ownHash: string | null | undefined): SharedContact {
  const o = (c ?? {}) as { name?: { formatted_name?: string; first_name?: string }; org?: { company?: string }; phones?: { phone?: string; wa_id?: string }[] };
  const phones = (o.phones ?? []).map((p) => {
    const shown = String(p.phone ?? p.wa_id ?? "").slice(0, 40);
    const norm = normalisePhone(shown);
    return norm && ownHash && hashAddress({ kind: "phone", value: norm }) === ownHash ? OWN_NUMBER_MARK : shown;
  });
  return { name: String(o.name?.formatted_name ?? o.name?.first_name ?? "").slice(0, 200), org: o.org?.company ? String(o.org.company).slice(0, 200) : null, phones: phones.filter(Boolean) };
}
