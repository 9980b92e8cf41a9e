// What an officer's browser receives for one message: identity-free. The informant's own numbers
// (every identifier they are known by) are masked wherever they typed or shared them — again, after
// ingest did it, in case a number was linked to them only later; a shared contact card is reduced
// to name, organisation and numbers (third parties), never passing provider ids through.
import "server-only";
import { numberHashes, maskOwnNumbers, OWN_MARK } from "../identity/own-identity";
import { clip } from "../text/clip";

export type SharedContact = { name: string; org: string | null; phones: string[] };

type Raw = { direction: string; kind: string; body: string; meta: unknown };

export function presentMessage<T extends Raw>(m: T, own: ReadonlySet<string>) {
  const inbound = m.direction === "INBOUND";
  const body = inbound ? maskOwnNumbers(m.body, own) : m.body;
  let meta = (m.meta && typeof m.meta === "object" ? m.meta : null) as Record<string, unknown> | null;
  // Earlier versions of an edited message are the informant's words too.
  if (inbound && meta && Array.isArray(meta.history))
    meta = {
      ...meta,
      history: meta.history.map((h: { body?: unknown }) => ({
        ...h,
        body: maskOwnNumbers(String(h?.body ?? ""), own),
      })),
    };
  let contacts: SharedContact[] | undefined;
  if (m.kind === "CONTACTS" && meta) {
    contacts = (Array.isArray(meta.contacts) ? meta.contacts : []).map((c) => sharedContact(c, own));
    meta = null;
  }
  return { ...m, body, meta, contacts };
}

function sharedContact(c: unknown, own: ReadonlySet<string>): SharedContact {
  const o = (c ?? {}) as {
    name?: { formatted_name?: string; first_name?: string };
    org?: { company?: string };
    phones?: { phone?: string; wa_id?: string }[];
  };
  const phones = (o.phones ?? []).map((p) => {
    const shown = clip(String(p.phone ?? p.wa_id ?? ""), 40);
    return numberHashes(shown).some((h) => own.has(h)) ? OWN_MARK : shown;
  });
  return {
    name: clip(String(o.name?.formatted_name ?? o.name?.first_name ?? ""), 200),
    org: o.org?.company ? clip(String(o.org.company), 200) : null,
    phones: phones.filter(Boolean),
  };
}
