// The one ingest pipeline. Each normalised event is stored in ONE transaction that starts by
// recording its WebhookEvent (unique per provider + external id): a redelivery — even ten copies
// at once — finds the key taken (ON CONFLICT DO NOTHING waits for the first copy's transaction and
// then inserts nothing) and changes nothing. Errors propagate: the route answers 5xx and the
// provider retries; a rolled-back attempt leaves no trace, so the retry is stored exactly once.
import "server-only";
import crypto from "node:crypto";
import { db, type Tx } from "../db";
import { log } from "../log";
import { kick } from "../jobs/worker";
import { storeMessage } from "./store-message";
import { storeCall } from "./store-call";
import { applyStatus } from "./apply-status";
import type { IngestEvent, IngestResult, MessageEvent } from "./types";
import { mapStrings, ownIdentityRedactor } from "./redact-own-identity";

export async function ingestEvent(received: IngestEvent): Promise<IngestResult> {
  const ev = withoutOwnIdentity(received);
  // The hot path: an inbound message is one statement, its own transaction (ADR 0120).
  const result = ev.type === "message" ? await storeMessage(ev) : await storeInTransaction(ev);
  // A tip opened by a call was numbered during COMMIT (docs/decisions/0110-late-ref-allocation.md): read its ref now.
  if (result.newTip && result.tipId && !result.ref) result.ref = (await db.tip.findUnique({ where: { id: result.tipId }, select: { ref: true } }))?.ref;
  // Ids, refs and kinds only: never identity.
  log.info("webhook event", { provider: ev.provider, kind: ev.kind, outcome: result.outcome, ref: result.ref, tip: result.tipId, message: result.messageId });
  if (result.outcome === "stored") kick();
  return result;
}

/** Calls, delivery statuses and notices: a Prisma transaction that starts by recording the event. */
async function storeInTransaction(ev: Exclude<IngestEvent, MessageEvent>): Promise<IngestResult> {
  return db.$transaction(async (tx) => {
    if (!(await recordEvent(tx, ev))) return { outcome: "duplicate" } as IngestResult;
    const r = await dispatch(tx, ev);
    // A provider-reported error is FAILED; an event we could not place is IGNORED; both keep the reason.
    const status = ev.type === "notice" ? "FAILED" : r.outcome === "ignored" ? "IGNORED" : "PROCESSED";
    if (status !== "PROCESSED" || r.reason)
      await tx.$executeRaw`UPDATE "WebhookEvent" SET "status" = ${status}::"WebhookStatus", "error" = ${r.reason ?? null}
        WHERE "provider" = ${ev.provider}::"Provider" AND "externalId" = ${ev.externalId}`;
    return r;
  });
}

/** Events of one delivery, in order; every one is committed before the provider gets its 2xx. */
export async function ingestAll(events: IngestEvent[]): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for (const ev of events) out.push(await ingestEvent(ev));
  return out;
}

/** The sender's own number or name typed into a message is masked before anything is stored. */
function withoutOwnIdentity(ev: IngestEvent): IngestEvent {
  if (ev.type !== "message") return ev;
  const clean = ownIdentityRedactor(ev.sender);
  return { ...ev, body: clean(ev.body), meta: ev.meta && mapStrings(ev.meta, clean), payload: mapStrings(ev.payload, clean) };
}

async function recordEvent(tx: Tx, ev: IngestEvent) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "WebhookEvent" ("id", "provider", "externalId", "kind", "receivedAt", "status", "payload")
    VALUES (${crypto.randomUUID()}::uuid, ${ev.provider}::"Provider", ${ev.externalId}, ${ev.kind}, now(), 'PROCESSED', ${JSON.stringify(ev.payload)}::jsonb)
    ON CONFLICT ("provider", "externalId") DO NOTHING
    RETURNING "id"`;
  return rows.length > 0;
}

async function dispatch(tx: Tx, ev: Exclude<IngestEvent, MessageEvent>): Promise<IngestResult & { reason?: string }> {
  switch (ev.type) {
    case "call":
      return storeCall(tx, ev);
    case "status":
      return applyStatus(tx, ev);
    case "notice":
      return { outcome: "ignored", reason: ev.reason };
  }
}
