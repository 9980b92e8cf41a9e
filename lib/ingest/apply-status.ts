// Delivery statuses (sent, delivered, read, played, failed) for OUR outbound messages, matched by
// the provider's message id. Statuses only move forward — providers deliver them out of order and
// more than once — except `failed`, which is recorded whenever it comes with its reason.
import "server-only";
import type { Tx } from "../db";
import type { DeliveryStatus } from "../generated/prisma/enums";
import { publish } from "../live/bus";
import type { IngestResult, StatusEvent } from "./types";

export const STATUS_RANK: Record<DeliveryStatus, number> = { RECEIVED: 0, QUEUED: 1, SENT: 2, DELIVERED: 3, READ: 4, PLAYED: 5, FAILED: 6 };

export async function applyStatus(tx: Tx, ev: StatusEvent): Promise<IngestResult & { reason?: string }> {
  const [row] = await tx.$queryRaw<{ id: string; tipId: string; ref: string; deliveryStatus: DeliveryStatus }[]>`
    SELECT m."id", m."tipId", t."ref", m."deliveryStatus" FROM "Message" m JOIN "Tip" t ON t."id" = m."tipId"
    WHERE m."provider" = ${ev.provider}::"Provider" AND m."providerMessageId" = ANY(${[ev.providerMessageId, ...(ev.previousIds ?? [])]}::text[]) AND m."direction" = 'OUTBOUND'
    FOR UPDATE OF m`;
  if (!row) return { outcome: "ignored", reason: "status for a message we did not send" };
  const forward = ev.status === "FAILED" || (row.deliveryStatus !== "FAILED" && STATUS_RANK[ev.status] > STATUS_RANK[row.deliveryStatus]);
  if (!forward) return { outcome: "ignored", tipId: row.tipId, ref: row.ref, messageId: row.id, reason: `stale status ${ev.status.toLowerCase()}` };
  await tx.$executeRaw`
    UPDATE "Message" SET "deliveryStatus" = ${ev.status}::"DeliveryStatus", "deliveryError" = ${ev.status === "FAILED" ? (ev.error ?? "failed") : null}, "updatedAt" = now()
    WHERE "id" = ${row.id}::uuid`;
  await publish(tx, { type: "message.updated", tipId: row.tipId, ref: row.ref, messageId: row.id });
  return { outcome: "stored", tipId: row.tipId, ref: row.ref, messageId: row.id };
}
