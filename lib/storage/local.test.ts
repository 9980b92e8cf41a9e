import { afterAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { LocalStorage } from "./local";
import { newStorageKey } from "./keys";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-storage-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function read(s: Readable) {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe("LocalStorage", () => {
  const store = new LocalStorage(root);

  it("puts, stats, gets and deletes a buffer and a stream", async () => {
    const key = newStorageKey("jpg");
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}\.jpg$/);
    expect(await store.put(key, Buffer.from("hello"))).toEqual({ size: 5 });
    expect(await store.stat(key)).toEqual({ size: 5 });
    expect((await read((await store.get(key))!)).toString()).toBe("hello");
    expect((await read((await store.get(key, { start: 1, end: 3 }))!)).toString()).toBe("ell");

    const key2 = newStorageKey();
    await store.put(key2, Readable.from([Buffer.from("a"), Buffer.from("bc")]));
    expect((await read((await store.get(key2))!)).toString()).toBe("abc");

    await store.delete(key);
    expect(await store.stat(key)).toBeNull();
    expect(await store.get(key)).toBeNull();
    await store.delete(key); // missing is fine
  });

  it("leaves nothing behind when the stream fails midway", async () => {
    const key = newStorageKey();
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error("network dropped"));
      },
    });
    await expect(store.put(key, failing)).rejects.toThrow("network dropped");
    expect(await store.stat(key)).toBeNull();
    const dir = path.join(root, key.slice(0, 2));
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".part"))).toEqual([]);
  });

  it("refuses keys it did not hand out (no path traversal)", async () => {
    await expect(store.put("../escape", Buffer.from("x"))).rejects.toThrow("invalid storage key");
    await expect(store.get("ab/../../etc/passwd")).rejects.toThrow("invalid storage key");
  });

  it("makes random keys", () => {
    expect(newStorageKey()).not.toBe(newStorageKey());
  });
});
