// Lookup tables keyed by provider input (statuses, types): only their own entries count. A plain
// `TABLE[key]` answers "constructor" or "toString" with an inherited function, which then failed a
// NOT NULL column on commit (a 5xx the provider retries for days; found by the reliability fuzz).
export function lookup<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
