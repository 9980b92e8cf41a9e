// Data steps: conversions of existing rows that need what only the app has — the identity pepper,
// the keys, the payload allowlist — and so cannot be SQL migrations (the database never sees a
// secret). They run once, after the migrations and the function files, at start-up and in
// `npm run db:migrate`, each under the migrations' advisory lock, and are recorded like a migration
// in `mukhbir_internal.data_steps`. A step must be idempotent and work in batches: it may be
// interrupted and must finish on the next start.
import type { Raw } from "./engine";
import { hashStoredProviderIds } from "./data-steps/hash-stored-provider-ids";
import { recordPepperIds } from "./data-steps/record-pepper-ids";

export type DataStep = { name: string; run: (raw: Raw) => Promise<void> };

/** In the order they were written; never reorder or rename one that shipped. */
export const DATA_STEPS: DataStep[] = [hashStoredProviderIds, recordPepperIds];

const LOCK_KEY = 72707369; // the migrations' advisory lock: steps never run beside a migration

export async function runDataSteps(raw: Raw, steps = DATA_STEPS): Promise<string[]> {
  await raw.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
  try {
    await raw.exec(`CREATE SCHEMA IF NOT EXISTS mukhbir_internal;
      CREATE TABLE IF NOT EXISTS mukhbir_internal.data_steps ("name" text PRIMARY KEY, "applied_at" timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await raw.query<{ name: string }>(`SELECT "name" FROM mukhbir_internal.data_steps`)).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const step of steps) {
      if (done.has(step.name)) continue;
      await step.run(raw);
      await raw.query(`INSERT INTO mukhbir_internal.data_steps ("name") VALUES ($1) ON CONFLICT DO NOTHING`, [
        step.name,
      ]);
      applied.push(`data/${step.name}`);
    }
    return applied;
  } finally {
    await raw.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
  }
}
