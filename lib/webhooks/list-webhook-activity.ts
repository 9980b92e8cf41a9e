// What Admin → Webhooks shows: recent provider events (provider, kind, status, error — never the
// payload or the provider's ids, which can embed the sender's number: a wamid is base64 of it),
// a 24-hour summary, and media fetches that failed or are still retrying.
import "server-only";
import { z } from "zod";
import { db } from "../db";

export const webhookFilter = z.object({
  provider: z.enum(["META", "TWILIO", "EXOTEL"]).optional().catch(undefined),
  status: z.enum(["PROCESSED", "IGNORED", "FAILED"]).optional().catch(undefined),
});
export type WebhookFilter = z.infer<typeof webhookFilter>;

export async function listWebhookEvents(filter: WebhookFilter, limit = 100) {
  return db.webhookEvent.findMany({
    where: { provider: filter.provider, status: filter.status },
    orderBy: { receivedAt: "desc" },
    take: limit,
    select: { id: true, provider: true, kind: true, status: true, error: true, repairs: true, receivedAt: true },
  });
}

export async function webhookSummary(since = new Date(Date.now() - 24 * 3600_000)) {
  const rows = await db.webhookEvent.groupBy({
    by: ["provider", "status"],
    where: { receivedAt: { gte: since } },
    _count: { _all: true },
  });
  return rows.map((r) => ({ provider: r.provider, status: r.status, count: r._count._all }));
}

export async function listMediaProblems(limit = 100) {
  const [failed, retrying] = await Promise.all([
    db.attachment.findMany({
      where: { fetchState: "FAILED" },
      orderBy: { updatedAt: "desc" },
      take: limit,
      select: {
        id: true,
        provider: true,
        mime: true,
        fetchError: true,
        attempts: true,
        updatedAt: true,
        message: { select: { kind: true, tip: { select: { ref: true } } } },
      },
    }),
    db.attachment.count({ where: { fetchState: { in: ["PENDING", "FETCHING"] }, fetchError: { not: null } } }),
  ]);
  return { failed, retrying };
}
