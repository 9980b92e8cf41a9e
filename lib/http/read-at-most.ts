// Reading a body with a cap, for requests we receive (webhooks) and answers we fetch (media
// lookups): it stops at the first chunk past the cap, so a lying or hostile sender cannot fill memory.

/** The whole stream, or null (and the stream cancelled) as soon as it passes `cap` bytes. */
export async function readAtMost(body: ReadableStream<Uint8Array> | null, cap: number): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
