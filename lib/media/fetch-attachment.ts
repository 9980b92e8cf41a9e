// The `media.fetch` job: download one attachment from its provider into storage, check its
// SHA-256, and record the result. Transient failures (network, 5xx, 429) are retried with the job
// table's backoff; a hash mismatch, an oversize file, an expired id or a refused URL fail at once
// with the reason, shown in Admin → Webhooks (which can queue a retry).
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { publish } from "../live/bus";
import { PermanentJobError } from "../jobs/worker";
import { storage } from "../storage/storage";
import { resolveSource } from "./sources";
import { guardedFetch } from "../net/guarded-fetch";
import { downloadToStorage, MediaTooLargeError, normaliseSha256 } from "./download";
import { audioDuration } from "./duration";
import { extensionFor } from "./mime";

export async function fetchAttachment(attachmentId: string, job?: { attempts: number; maxAttempts: number }) {
  const a = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      id: true,
      provider: true,
      providerRef: true,
      mime: true,
      expectedSha256: true,
      fetchState: true,
      createdAt: true,
      messageId: true,
    },
  });
  if (!a || a.fetchState === "STORED") return; // replayed job: nothing left to do
  await db.attachment.update({ where: { id: a.id }, data: { fetchState: "FETCHING", attempts: { increment: 1 } } });
  try {
    const src = await resolveSource(a);
    const maxBytes = env().MEDIA_MAX_BYTES;
    if (src.size && src.size > maxBytes) throw new PermanentJobError(new MediaTooLargeError(maxBytes).message);
    const controller = new AbortController();
    // Allowlist, vetted addresses, manual redirects, credentials only to the provider (ADR 0210).
    const res = await guardedFetch(src.url, {
      auth: src.auth,
      signal: controller.signal,
      timeoutMs: env().MEDIA_FETCH_TIMEOUT_SECONDS * 1000,
    });
    if (!res.ok) {
      void res.body?.cancel();
      // 404/410 on Twilio/Exotel: deleted for good. On WhatsApp the 5-minute URL may just have
      // lapsed between lookup and download: a retry looks it up again.
      const gone = (res.status === 404 || res.status === 410) && a.provider !== "META";
      const msg = `media download failed: HTTP ${res.status}`;
      if (gone || res.status === 401 || res.status === 403) throw new PermanentJobError(msg);
      throw new Error(msg);
    }
    const mime =
      (src.mime ?? res.headers.get("content-type") ?? a.mime).split(";")[0].trim().toLowerCase() ||
      "application/octet-stream";
    let got;
    try {
      got = await downloadToStorage(res, {
        maxBytes,
        ext: extensionFor(mime),
        contentType: mime,
        abort: () => controller.abort(),
      });
    } catch (e) {
      if (e instanceof MediaTooLargeError) throw new PermanentJobError(e.message);
      throw e;
    }
    const expected = normaliseSha256(a.expectedSha256) ?? normaliseSha256(src.sha256);
    if (expected && expected !== got.sha256) {
      await storage().delete(got.key);
      throw new PermanentJobError(`SHA-256 mismatch: expected ${expected}, received ${got.sha256}`);
    }
    const durationSec = /^(audio|video)\//.test(mime) ? audioDuration(mime, got.head, got.tail, got.size) : null;
    await db.$transaction(async (tx) => {
      const row = await tx.attachment.update({
        where: { id: a.id },
        data: {
          fetchState: "STORED",
          fetchError: null,
          mime,
          size: got.size,
          sha256: got.sha256,
          storageKey: got.key,
          durationSec,
        },
        select: { message: { select: { id: true, tip: { select: { id: true, ref: true } } } } },
      });
      await publish(tx, {
        type: "message.updated",
        tipId: row.message.tip.id,
        ref: row.message.tip.ref,
        messageId: row.message.id,
      });
    });
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    const final = e instanceof PermanentJobError || (job ? job.attempts >= job.maxAttempts : false);
    await db.$transaction(async (tx) => {
      const row = await tx.attachment.update({
        where: { id: a.id },
        data: { fetchState: final ? "FAILED" : "PENDING", fetchError: reason },
        select: { message: { select: { id: true, tip: { select: { id: true, ref: true } } } } },
      });
      if (final)
        await publish(tx, {
          type: "message.updated",
          tipId: row.message.tip.id,
          ref: row.message.tip.ref,
          messageId: row.message.id,
        });
    });
    throw e;
  }
}
