// The one ingest pipeline. Each normalised event is stored by ONE statement, its own transaction
// (lib/ingest/store-event.ts), that starts by recording its WebhookEvent (unique per provider +
// event key): a redelivery — even ten copies at once — finds the key taken and changes nothing.
// A database that cannot take the event now makes the route answer 5xx and the provider retry; a
// rolled-back attempt leaves no trace, so the retry is stored exactly once. Input that can never
// be stored is recorded as a FAILED event with the reason and acknowledged, so the provider stops
// retrying it (lib/db/errors.ts says which is which).
import "server-only";
import crypto from "node:crypto";
import { db } from "../db";
import { isPermanentInputError, sqlState } from "../db/errors";
import { log } from "../log";
import { kick } from "../jobs/worker";
import { clip } from "../text/clip";
import { storeEvent } from "./store-event";
import { withoutOwnIdentity } from "./own-identity";
import { queueStatusQuery } from "../requests/status-query";
import type { IngestEvent, IngestResult } from "./types";

export async function ingestEvent(received: IngestEvent): Promise<IngestResult> {
  let result: IngestResult;
  try {
    result = await storeEvent(await withoutOwnIdentity(received));
  } catch (e) {
    if (!isPermanentInputError(e)) throw e;
    result = await recordFailed(received, `could not be stored: ${errorName(e)}`);
  }
  // Ids, refs and kinds only: never identity.
  log.info("webhook event", {
    provider: received.provider,
    kind: received.kind,
    outcome: result.outcome,
    ref: result.ref,
    tip: result.tipId,
    message: result.messageId,
  });
  // An informant asking about a ref gets a coarse status (ADR 0605), as a job after the message is stored.
  if (result.outcome === "stored" && result.messageId && received.type === "message" && received.messageKind === "TEXT")
    await queueStatusQuery(result.messageId, received.body).catch((e) =>
      log.warn("status query not queued", { error: e instanceof Error ? e.name : "unknown" }),
    );
  if (result.outcome === "stored") kick();
  return result;
}

/** Events of one delivery, in order; every one is committed before the provider gets its 2xx. */
export async function ingestAll(events: IngestEvent[]): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for (const ev of events) out.push(await ingestEvent(ev));
  return out;
}

/**
 * An event the database refused for its content: recorded as FAILED under a key derived from its
 * own (so its redeliveries are duplicates of it), with the reason and no payload, and acknowledged.
 */
async function recordFailed(ev: IngestEvent, reason: string): Promise<IngestResult> {
  const key = "failed:" + crypto.createHash("sha256").update(ev.externalId).digest("hex").slice(0, 40);
  const kind = clip(ev.kind.replace(/[^\w.:-]/g, "?"), 60);
  const inserted = await db.$executeRaw`
    INSERT INTO "WebhookEvent" ("id", "provider", "externalId", "kind", "receivedAt", "status", "error", "payload", "repairs")
    VALUES (${crypto.randomUUID()}::uuid, ${ev.provider}::"Provider", ${key}, ${kind}, now(), 'FAILED', ${reason}, '{}'::jsonb, ${ev.repairs ?? 0})
    ON CONFLICT ("provider", "externalId") DO NOTHING`;
  log.warn("webhook event recorded as failed", { provider: ev.provider, kind, reason });
  return { outcome: inserted ? "failed" : "duplicate" };
}

/** An error's kind without its text: a driver's message can quote the value it refused. */
function errorName(e: unknown) {
  const code = sqlState(e);
  return e instanceof RangeError
    ? "input too large or too deep"
    : code
      ? `database refused the content (${code})`
      : "database refused the content";
}
