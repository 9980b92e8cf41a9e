// A real S3-compatible server for tests (s3rver, ADR 0802): one bucket, a free port on 127.0.0.1,
// objects kept as files under a temporary folder (so a test can check what is in the bucket without
// our client), and the app's environment for using it. Used by the storage, media and cluster tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/** s3rver accepts any signature; these only need to be present. */
export const S3_TEST_CREDENTIALS = { region: "ap-south-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startS3Server(bucket: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-s3rver-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    /** The file s3rver keeps an object's bytes in. */
    objectFile: (key: string) => path.join(dir, bucket, `${key}._S3rver_object`),
    /** STORAGE=s3 on this bucket, server-side encryption on (lib/env.ts). */
    env: {
      STORAGE: "s3",
      S3_ENDPOINT: url,
      S3_BUCKET: bucket,
      S3_REGION: S3_TEST_CREDENTIALS.region,
      S3_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
      S3_SSE: "AES256",
    },
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
