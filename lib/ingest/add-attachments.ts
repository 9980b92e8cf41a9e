// Attachments of a call (recordings) and their fetch jobs, inside the caller's transaction.
// Inbound messages add theirs inside mukhbir_internal.ingest_message (lib/ingest/store-message.ts).
import "server-only";
import crypto from "node:crypto";
import type { Tx } from "../db";
import { enqueue } from "../jobs/queue";
import type { MediaRef, MessageEvent } from "./types";

export async function addAttachments(tx: Tx, messageId: string, provider: MessageEvent["provider"], media: MediaRef[]) {
  for (const m of media) {
    const id = crypto.randomUUID();
    await tx.$executeRaw`
      INSERT INTO "Attachment" ("id", "messageId", "provider", "providerRef", "mime", "filename", "expectedSha256", "durationSec", "fetchState", "createdAt", "updatedAt")
      VALUES (${id}::uuid, ${messageId}::uuid, ${provider}::"Provider", ${m.providerRef}, ${m.mime ?? "application/octet-stream"}, ${m.filename ?? null},
              ${m.expectedSha256 ?? null}, ${m.durationSec ?? null}, 'PENDING', now(), now())`;
    await enqueue(tx, "media.fetch", { attachmentId: id }, { dedupeKey: `media.fetch:${id}` });
  }
}
