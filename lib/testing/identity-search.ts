// The canary's detector, shared by the canary e2e and the upgrade test: does a text hold a planted
// number (in any usual spelling) or name — directly, or inside a base64 token (a WhatsApp id is
// base64 of a record holding the number), or percent-encoded? And the whole database: every
// column of every table of every schema, each value as text. A detector that cannot see identity
// where it is makes a pass mean nothing: callers first show it finds the planted values in what
// they send.
export type Needles = string[];

/** Every usual spelling of an Indian mobile (ten digits) and the name. */
export function needlesFor(local10: string, name?: string): Needles {
  const spaced = `${local10.slice(0, 5)} ${local10.slice(5)}`;
  const out = [
    `+91${local10}`,
    `91${local10}`,
    local10,
    `+91 ${spaced}`,
    spaced,
    `${local10.slice(0, 5)}-${local10.slice(5)}`,
    `0${local10}`,
  ];
  if (name) out.push(name, ...name.split(/\s+/).filter((w) => w.length >= 6));
  return out;
}

const BASE64 = /[A-Za-z0-9+/_-]{16,}={0,2}/g;

/** Text as stored, plus what its base64 and percent-encoded parts decode to. */
export function decodedViews(text: string): string[] {
  const views = [text];
  for (const token of text.match(BASE64) ?? []) {
    for (const alphabet of ["base64", "base64url"] as const) {
      const decoded = Buffer.from(token, alphabet).toString("latin1");
      if (/[0-9]{7}/.test(decoded) || /[A-Za-z]{6}/.test(decoded)) views.push(decoded);
    }
  }
  if (/%[0-9A-Fa-f]{2}/.test(text))
    try {
      views.push(decodeURIComponent(text));
    } catch {}
  return views;
}

export function hits(text: string, needles: Needles): string[] {
  const lower = decodedViews(text).join("\n").toLowerCase();
  return needles.filter((n) => lower.includes(n.toLowerCase()));
}

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Every table of every schema (not the catalogs), every row as text: where the needles are found. */
export async function searchDatabase(
  q: Query,
  needles: Needles,
): Promise<{ found: string[]; rows: number; tables: number }> {
  const tables = await q(
    `SELECT table_schema, table_name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg_%'`,
  );
  const found: string[] = [];
  let rows = 0;
  for (const t of tables) {
    const name = `"${String(t.table_schema)}"."${String(t.table_name)}"`;
    for (const r of await q(`SELECT t::text AS row FROM ${name} t`)) {
      rows++;
      for (const h of hits(String(r.row), needles)) found.push(`${name}: ${h}`);
    }
  }
  return { found, rows, tables: tables.length };
}
