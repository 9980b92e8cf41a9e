// Admin → Webhooks retry: a FAILED fetch goes back to PENDING with a fresh job and an audit row.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeTip, makeUser } from "../testing/factories";
import { retryMediaFetch } from "./retry-fetch";
import { AppError } from "../errors";

async function failedAttachment() {
  const tip = await makeTip();
  const m = await db.message.findFirstOrThrow({ where: { tipId: tip.id } });
  return db.attachment.create({
    data: {
      messageId: m.id,
      provider: "META",
      providerRef: "photo-1",
      fetchState: "FAILED",
      fetchError: "WhatsApp media lookup failed: HTTP 401",
    },
  });
}

describe("retryMediaFetch", () => {
  it("re-queues a failed fetch, audited", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const a = await failedAttachment();
    await retryMediaFetch({ id: admin.id, role: "ADMIN", ip: "127.0.0.1" }, a.id);
    expect(await db.attachment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      fetchState: "PENDING",
      fetchError: null,
    });
    const jobs = await db.job.findMany({ where: { kind: "media.fetch", payload: { equals: { attachmentId: a.id } } } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0].state).toBe("PENDING");
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "media.refetch", targetId: a.id } });
    expect(row).toMatchObject({ actorId: admin.id, targetType: "attachment" });
  });

  it("refuses what is not FAILED (a double click) and unknown ids", async () => {
    const admin = { id: (await makeUser({ role: "ADMIN" })).id, role: "ADMIN" as const, ip: "127.0.0.1" };
    const a = await failedAttachment();
    await retryMediaFetch(admin, a.id);
    await expect(retryMediaFetch(admin, a.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(retryMediaFetch(admin, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(AppError);
    expect(await db.job.count({ where: { payload: { equals: { attachmentId: a.id } } } })).toBe(1);
  });
});
