// One interface for stored media: local disk under DATA_DIR/media by default, any S3-compatible
// store when STORAGE=s3 (docs/decisions/0200-storage-interface.md). Keys are random and never
// derived from identity or provider ids, so a listing of the bucket reveals nothing.
import "server-only";
import os from "node:os";
import path from "node:path";
import { env } from "../env";
import { LocalStorage } from "./local";
import { S3Storage } from "./s3";
import type { Storage } from "./keys";

export { newStorageKey, assertKey, type Storage, type StoredObject, type ByteRange } from "./keys";

const g = globalThis as unknown as { __mukhbirStorage?: Storage };

export function storage(): Storage {
  if (!g.__mukhbirStorage) {
    const e = env();
    g.__mukhbirStorage =
      e.STORAGE === "s3"
        ? new S3Storage({
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            sse: e.S3_SSE,
            sseKmsKeyId: e.S3_SSE_KMS_KEY_ID,
            partSize: e.S3_PART_SIZE_MB * 1024 * 1024,
          })
        : new LocalStorage(localMediaDir()!);
  }
  return g.__mukhbirStorage;
}

/** Where local storage keeps media (null with S3). An in-memory database (tests) still stores media on disk, under the system temp folder. */
export function localMediaDir(): string | null {
  const e = env();
  if (e.STORAGE === "s3") return null;
  const dataDir = e.DATA_DIR.startsWith("memory://")
    ? path.join(os.tmpdir(), `mukhbir-media-${process.pid}`)
    : e.DATA_DIR;
  return path.resolve(dataDir, "media");
}
