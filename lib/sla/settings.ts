// Reads (and lets admins save) the SLA targets. Cached for a short while: every queue render and
// SSE refresh needs them, and a changed target taking up to 30 s to apply is fine.
import "server-only";
import { db, type Tx } from "../db";
import { saveSetting } from "../save-setting";
import { DEFAULT_SLA, parseSlaTargets, SLA_SETTING_KEY, slaTargetsSchema, type SlaTargets } from "./targets";
import type { Viewer } from "../auth/scope";
import { slaSeconds, type SlaSeconds } from "./rule";
import type { Prisma } from "../generated/prisma/client";
import { warmRollupsSoon } from "../jobs/recurring";

const TTL_MS = 30_000;
let cache: { at: number; value: SlaTargets } | undefined;

/** The targets in the whole seconds the rule and its SQL compare (the dashboard's, keyed into its rollups). */
export async function slaTargetSeconds(): Promise<SlaSeconds> {
  return slaSeconds(await slaTargets());
}

export async function slaTargets(): Promise<SlaTargets> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.value;
  const row = await db.setting.findUnique({ where: { key: SLA_SETTING_KEY }, select: { value: true } });
  const value = row ? parseSlaTargets(row.value) : DEFAULT_SLA;
  cache = { at: Date.now(), value };
  return value;
}

/** Saves new targets (admin). Throws a ZodError on invalid input. */
export async function saveSlaTargets(actor: Viewer & { ip?: string | null }, input: unknown) {
  const value = slaTargetsSchema.parse(input) as unknown as Prisma.InputJsonValue;
  await db.$transaction(async (tx: Tx) => {
    await saveSetting(tx, actor, { key: SLA_SETTING_KEY, value, action: "settings.sla", detail: value });
  });
  cache = undefined;
  // The rollups are keyed by the targets: rebuild them now rather than in the next dashboard read.
  await warmRollupsSoon("sla");
}
