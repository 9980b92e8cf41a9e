// The job lease: a running job whose process renews its lock is never taken by another claim; one
// whose lock was not renewed for the stale period (its process died) is claimed again.
import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { db } from "../db";
import { claim, enqueue, renewLocks } from "./queue";

describe("job lease", () => {
  it("keeps a renewed job with its process and hands a dead process's job to the next claim", async () => {
    const kind = `test.lease-${crypto.randomBytes(4).toString("hex")}`;
    await db.$transaction((tx) => enqueue(tx, kind, {}, {}));
    const [first] = await claim([kind], 1, 2_000);
    expect(first.attempts).toBe(1);
    // Just locked: nobody else gets it.
    expect(await claim([kind], 1, 2_000)).toEqual([]);
    // Its process renews the lock while it runs, so it never goes stale.
    await db.$executeRaw`UPDATE "Job" SET "lockedAt" = now() - interval '1.5 seconds' WHERE "id" = ${first.id}`;
    await renewLocks([first.id]);
    expect(await claim([kind], 1, 2_000)).toEqual([]);
    // The process died: no renewal for longer than the stale period, and the next claim takes it.
    await db.$executeRaw`UPDATE "Job" SET "lockedAt" = now() - interval '3 seconds' WHERE "id" = ${first.id}`;
    const [again] = await claim([kind], 1, 2_000);
    expect(again.id).toBe(first.id);
    expect(again.attempts).toBe(2);
  });
});
