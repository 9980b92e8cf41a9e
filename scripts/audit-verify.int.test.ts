// The audit trail is append-only (a trigger refuses UPDATE/DELETE/TRUNCATE, and on PostgreSQL the
// runtime role has no right to either) and tamper-evident: rows are chained with an HMAC under
// AUDIT_KEY, which the database does not hold, and checked against signed checkpoint files. A DBA who
// disables the trigger, edits a row and recomputes the chain without the key, or cuts rows off the
// end, is caught by `npm run audit:verify`, which names the row (ADR 0015).
import { describe, it, expect, beforeEach } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { raw } from "@/lib/db";
import { auditNow } from "@/lib/audit";
import { auditHash, GENESIS, legacyAuditHash, type HashableAuditRow } from "@/lib/audit-hash";
import { reanchorAuditChain, writeAuditCheckpoint } from "@/lib/audit-anchor";
import { readCheckpoints } from "@/lib/audit-checkpoint";
import { ownerRaw } from "@/lib/testing/owner-raw";
import { verifyAuditChain } from "@/lib/audit-verify";

const root = path.resolve(__dirname, "..");
const KEY = process.env.AUDIT_KEY!;

function runCli(checkpoints: string) {
  const r = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/audit-verify.ts", "--checkpoints", checkpoints],
    {
      cwd: root,
      env: { ...process.env },
      encoding: "utf8",
    },
  );
  return { code: r.status, out: r.stdout + r.stderr };
}

/** As a tampering DBA: the trigger off, some SQL, the trigger on again. */
const asDba = (sql: string) =>
  ownerRaw().exec(
    `ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"; ${sql}; ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only";`,
  );

type Row = HashableAuditRow & { id: string; hash: string };
async function rows(): Promise<Row[]> {
  const r = await ownerRaw().query<Row>(
    `SELECT "id"::text AS id, "at", "actorId"::text AS "actorId", "actorRole", "action", "targetType", "targetId", "tipId"::text AS "tipId", "detail", "ip", "prevHash", "hash" FROM "AuditLog" ORDER BY "AuditLog"."id"`,
  );
  return r.map((x) => ({
    ...x,
    at: new Date(x.at),
    detail: typeof x.detail === "string" ? JSON.parse(x.detail) : x.detail,
  }));
}

/** Rewrites the rows' links and hashes from `fromIndex` (to `toIndex`) with `hash`: what someone without AUDIT_KEY can do. */
async function recompute(hash: (r: HashableAuditRow) => string, fromIndex = 0, toIndex?: number) {
  const all = await rows();
  let prev = fromIndex ? all[fromIndex - 1].hash : GENESIS;
  const updates: string[] = [];
  for (const r of all.slice(fromIndex, toIndex)) {
    const h = hash({ ...r, prevHash: prev });
    updates.push(`UPDATE "AuditLog" SET "prevHash" = '${prev}', "hash" = '${h}' WHERE "id" = ${Number(r.id)}`);
    prev = h;
  }
  await asDba(updates.join("; "));
}

let dir: string;
beforeEach(async () => {
  await asDba(`DELETE FROM "AuditLog"`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-checkpoints-"));
});

describe("audit trail", () => {
  it("refuses UPDATE, DELETE and TRUNCATE while the trigger is on, even to the table's owner", async () => {
    await auditNow({ action: "test.append", detail: { n: 0 } });
    await expect(ownerRaw().query(`UPDATE "AuditLog" SET "action" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(ownerRaw().query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    await expect(ownerRaw().query(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    // The app's own connection cannot either (on PostgreSQL it lacks the right before the trigger fires).
    await expect(raw().query(`UPDATE "AuditLog" SET "action" = 'x'`)).rejects.toThrow(/append-only|permission denied/);
  });

  it("verifies an intact keyed chain, then names the row a tampering DBA edited", async () => {
    for (let i = 1; i <= 5; i++)
      await auditNow({
        action: "test.chain",
        targetType: "tip",
        targetId: `t${i}`,
        detail: { n: i, nested: { b: 2, a: 1 } },
      });
    const all = await rows();
    expect(all.every((r) => r.hash === auditHash(r, KEY))).toBe(true);
    await writeAuditCheckpoint(dir);
    const good = await verifyAuditChain(raw(), { key: KEY, checkpoints: readCheckpoints(dir, KEY) });
    expect(good).toMatchObject({ ok: true, rows: 5, checkpoints: 1 });
    if (process.env.DATABASE_URL) {
      const cli = runCli(dir);
      expect(cli.out).toMatch(/intact/);
      expect(cli.code).toBe(0);
    }

    const victim = all[2];
    await asDba(`UPDATE "AuditLog" SET "detail" = '{"n": 99}'::jsonb WHERE "id" = ${Number(victim.id)}`);
    const bad = await verifyAuditChain(raw(), { key: KEY });
    expect(bad).toEqual({ ok: false, rows: 3, brokenId: victim.id, reason: "hash" });
    if (process.env.DATABASE_URL) {
      const cli = runCli(dir);
      expect(cli.code).toBe(1);
      expect(cli.out).toContain(`row id ${victim.id}`);
    }
  });

  it("names the edited row when the chain was recomputed without the key (plain SHA-256 or a guessed key)", async () => {
    for (let i = 1; i <= 6; i++) await auditNow({ action: "test.recompute", detail: { i } });
    const victim = (await rows())[3];
    await asDba(`UPDATE "AuditLog" SET "actorRole" = 'ADMIN' WHERE "id" = ${Number(victim.id)}`);
    await recompute(legacyAuditHash, 3);
    expect(await verifyAuditChain(raw(), { key: KEY })).toMatchObject({
      ok: false,
      brokenId: victim.id,
      reason: "hash",
    });
    await recompute((r) => auditHash(r, "a-guessed-key-that-is-not-AUDIT_KEY"), 3);
    expect(await verifyAuditChain(raw(), { key: KEY })).toMatchObject({
      ok: false,
      brokenId: victim.id,
      reason: "hash",
    });
  });

  it("fails a chain rewritten from the first row as if it were an old unkeyed one", async () => {
    for (let i = 1; i <= 4; i++) await auditNow({ action: "test.rewrite", detail: { i } });
    await writeAuditCheckpoint(dir);
    await recompute(legacyAuditHash);
    expect(await verifyAuditChain(raw(), { key: KEY })).toMatchObject({ ok: false, reason: "notKeyed" });
    const last = (await rows()).at(-1)!;
    expect(await verifyAuditChain(raw(), { key: KEY, checkpoints: readCheckpoints(dir, KEY) })).toMatchObject({
      ok: false,
      brokenId: last.id,
      reason: "checkpoint",
    });
  });

  it("fails on a tail truncated after the last checkpoint, naming the checkpoint and where the trail now ends", async () => {
    for (let i = 1; i <= 6; i++) await auditNow({ action: "test.truncate", detail: { i } });
    await writeAuditCheckpoint(dir);
    const all = await rows();
    await asDba(`DELETE FROM "AuditLog" WHERE "id" >= ${Number(all[3].id)}`);
    const result = await verifyAuditChain(raw(), { key: KEY, checkpoints: readCheckpoints(dir, KEY) });
    expect(result).toMatchObject({
      ok: false,
      reason: "truncated",
      lastId: all[2].id,
      checkpoint: { lastId: all[5].id },
    });
    if (process.env.DATABASE_URL) {
      const cli = runCli(dir);
      expect(cli.code).toBe(1);
      expect(cli.out).toContain(`records row id ${all[5].id}, but the trail ends at row id ${all[2].id}`);
    }
  });

  it("refuses a checkpoint whose signature is not under AUDIT_KEY", async () => {
    await auditNow({ action: "test.forge" });
    const file = (await writeAuditCheckpoint(dir))!;
    const cp = JSON.parse(fs.readFileSync(file, "utf8"));
    fs.writeFileSync(file, JSON.stringify({ ...cp, lastId: "999999" }));
    expect(await verifyAuditChain(raw(), { key: KEY, checkpoints: readCheckpoints(dir, KEY) })).toMatchObject({
      ok: false,
      reason: "forgedCheckpoint",
    });
  });

  it("re-anchors an old unkeyed chain once, recorded in the trail, and still catches edits in the old part", async () => {
    for (let i = 1; i <= 3; i++) await auditNow({ action: "test.legacy", detail: { i } });
    await recompute(legacyAuditHash); // as the previous version wrote them
    expect(await verifyAuditChain(raw(), { key: KEY })).toMatchObject({ ok: false, reason: "notKeyed" });
    expect(await reanchorAuditChain()).toBe("reanchored");
    expect(await reanchorAuditChain()).toBe("keyed");
    await auditNow({ action: "test.after" });
    const all = await rows();
    expect(all.map((r) => r.action)).toEqual([
      "test.legacy",
      "test.legacy",
      "test.legacy",
      "audit.reanchor",
      "test.after",
    ]);
    expect(all[3].detail).toEqual({ legacyRows: 3, legacyLastId: all[2].id, legacyLastHash: all[2].hash });
    expect(await verifyAuditChain(raw(), { key: KEY })).toMatchObject({ ok: true, rows: 5 });
    // Rewriting the old part consistently (it had no key) still breaks at the keyed anchor.
    await asDba(`UPDATE "AuditLog" SET "ip" = '6.6.6.6' WHERE "id" = ${Number(all[1].id)}`);
    await recompute(legacyAuditHash, 1, 3);
    expect(await verifyAuditChain(raw(), { key: KEY })).toMatchObject({
      ok: false,
      brokenId: all[3].id,
      reason: "prevHash",
    });
  });

  it("walks rows in numeric id order across batches (ids 9, 10, 11 …)", async () => {
    // The ids must cross a power of ten (99 → 100) whichever tests ran before: move the id sequence
    // (forwards only; beforeEach emptied the table) to a few below the next one.
    const [{ last }] = await ownerRaw().query<{ last: string }>(
      `SELECT last_value::text AS last FROM "AuditLog_id_seq"`,
    );
    await ownerRaw().query(`SELECT setval('"AuditLog_id_seq"', $1::bigint)`, [10 ** (last.length + 1) - 6]);
    for (let i = 0; i < 14; i++) await auditNow({ action: "test.many", detail: { i } });
    const ids = (await rows()).map((r) => r.id);
    expect(new Set(ids.map((id) => id.length)).size).toBe(2);
    const all = await verifyAuditChain(raw(), { key: KEY });
    expect(await verifyAuditChain(raw(), { key: KEY, batchSize: 3 })).toEqual(all);
    expect(all).toMatchObject({ ok: true, rows: 14 });
  });

  it("names the row after a deleted one", async () => {
    for (let i = 0; i < 3; i++) await auditNow({ action: "test.delete", detail: { i } });
    const r = await rows();
    await asDba(`DELETE FROM "AuditLog" WHERE "id" = ${Number(r[1].id)}`);
    expect(await verifyAuditChain(raw(), { key: KEY })).toMatchObject({
      ok: false,
      brokenId: r[2].id,
      reason: "prevHash",
    });
  });
});
