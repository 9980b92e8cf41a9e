// The one ingest pipeline. Each normalised event is stored in ONE transaction that starts by
// recording its WebhookEvent (unique per provider + external id): a redelivery — even ten copies
// at once — finds the key taken (ON CONFLICT DO NOTHING waits for the first copy's transaction and
// then inserts nothing) and changes nothing. A database that cannot take the event now makes the
// route answer 5xx and the provider retry; a rolled-back attempt leaves no trace, so the retry is
// stored exactly once. Input that can never be stored is recorded as a FAILED event with the
// reason and acknowledged, so the provider stops retrying it (lib/db/errors.ts says which is which).
import "server-only";
import crypto from "node:crypto";
import { db, type Tx } from "../db";
import { isPermanentInputError } from "../db/errors";
import { log } from "../log";
import { kick } from "../jobs/worker";
import { storeMessage } from "./store-message";
import { storeCall } from "./store-call";
import { applyStatus } from "./apply-status";
import { applyEdit } from "./apply-edit";
import type { IngestEvent, IngestResult, MessageEvent } from "./types";
import { withoutOwnIdentity } from "./own-identity";
import { clip } from "../text/clip";

export async function ingestEvent(received: IngestEvent): Promise<IngestResult> {
  let result: IngestResult;
  try {
    const ev = await withoutOwnIdentity(received);
    // The hot path: an inbound message is one statement, its own transaction (ADR 0120).
    result = ev.type === "message" ? await storeMessage(ev) : await storeInTransaction(ev);
  } catch (e) {
    if (!isPermanentInputError(e)) throw e;
    result = await recordFailed(received, `could not be stored: ${errorName(e)}`);
  }
  // A tip opened by a call was numbered during COMMIT (docs/decisions/0110-late-ref-allocation.md): read its ref now.
  if (result.newTip && result.tipId && !result.ref) result.ref = (await db.tip.findUnique({ where: { id: result.tipId }, select: { ref: true } }))?.ref;
  // Ids, refs and kinds only: never identity.
  log.info("webhook event", { provider: received.provider, kind: received.kind, outcome: result.outcome, ref: result.ref, tip: result.tipId, message: result.messageId });
  if (result.outcome === "stored") kick();
  return result;
}

/** Calls, delivery statuses, edits and notices: a Prisma transaction that starts by recording the event. */
async function storeInTransaction(ev: Exclude<IngestEvent, MessageEvent>): Promise<IngestResult> {
  return db.$transaction(async (tx) => {
    if (!(await recordEvent(tx, ev))) return { outcome: "duplicate" } as IngestResult;
    const r = await dispatch(tx, ev);
    // A provider-reported error or an unreadable item is FAILED; an event we could not place is IGNORED; both keep the reason.
    const status = ev.type === "failed" || (ev.type === "notice" && ev.kind === "error") ? "FAILED" : r.outcome === "ignored" ? "IGNORED" : "PROCESSED";
    if (status !== "PROCESSED" || r.reason)
      await tx.$executeRaw`UPDATE "WebhookEvent" SET "status" = ${status}::"WebhookStatus", "error" = ${r.reason ? clip(r.reason, 500) : null}
        WHERE "provider" = ${ev.provider}::"Provider" AND "externalId" = ${ev.externalId}`;
    return { ...r, outcome: status === "FAILED" ? "failed" : r.outcome };
  });
}

/** Events of one delivery, in order; every one is committed before the provider gets its 2xx. */
export async function ingestAll(events: IngestEvent[]): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for (const ev of events) out.push(await ingestEvent(ev));
  return out;
}

async function recordEvent(tx: Tx, ev: IngestEvent) {
  // During a pepper rotation the same delivery may be stored under its key from before.
  if (ev.previousKeys?.length) {
    const seen = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "WebhookEvent" WHERE "provider" = ${ev.provider}::"Provider" AND "externalId" = ANY(${ev.previousKeys}::text[])`;
    if (seen[0].n > 0) return false;
  }
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "WebhookEvent" ("id", "provider", "externalId", "kind", "receivedAt", "status", "payload", "repairs")
    VALUES (${crypto.randomUUID()}::uuid, ${ev.provider}::"Provider", ${ev.externalId}, ${ev.kind}, now(), 'PROCESSED', ${JSON.stringify(ev.payload)}::jsonb, ${ev.repairs ?? 0})
    ON CONFLICT ("provider", "externalId") DO NOTHING
    RETURNING "id"`;
  return rows.length > 0;
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

async function dispatch(tx: Tx, ev: Exclude<IngestEvent, MessageEvent>): Promise<IngestResult & { reason?: string }> {
  switch (ev.type) {
    case "call":
      return storeCall(tx, ev);
    case "status":
      return applyStatus(tx, ev);
    case "edit":
      return applyEdit(tx, ev);
    case "notice":
    case "failed":
      return { outcome: "ignored", reason: ev.reason };
  }
}

/** An error's kind without its text: a driver's message can quote the value it refused. */
function errorName(e: unknown) {
  const code = (e as { code?: unknown })?.code;
  return e instanceof RangeError ? "input too large or too deep" : typeof code === "string" ? `database refused the content (${code})` : "database refused the content";
}
