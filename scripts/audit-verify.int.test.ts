// The audit trail is append-only (a trigger refuses UPDATE/DELETE/TRUNCATE) and tamper-evident:
// a DBA who disables the trigger and edits a row is caught by `npm run audit:verify`, which names the row.
import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { raw } from "@/lib/db";
import { auditNow } from "@/lib/audit";
import { verifyAuditChain } from "./audit-verify";

const root = path.resolve(__dirname, "..");

function runCli() {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/audit-verify.ts"], {
    cwd: root,
    env: { ...process.env },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe("audit trail", () => {
  it("refuses UPDATE, DELETE and TRUNCATE while the trigger is on", async () => {
    await auditNow({ action: "test.append", detail: { n: 0 } });
    await expect(raw().query(`UPDATE "AuditLog" SET "action" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(raw().query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    await expect(raw().query(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
  });

  it("verifies an intact chain, then names the row a tampering DBA edited", async () => {
    for (let i = 1; i <= 5; i++) await auditNow({ action: "test.chain", targetType: "tip", targetId: `t${i}`, detail: { n: i, nested: { b: 2, a: 1 } } });
    const good = await verifyAuditChain(raw());
    expect(good).toMatchObject({ ok: true });
    expect(good.rows).toBeGreaterThanOrEqual(6);
    if (process.env.DATABASE_URL) {
      const cli = runCli();
      expect(cli.out).toMatch(/intact/);
      expect(cli.code).toBe(0);
    }

    const [victim] = await raw().query<{ id: string }>(`SELECT "id"::text AS id FROM "AuditLog" WHERE "action" = 'test.chain' ORDER BY "id" LIMIT 1 OFFSET 2`);
    await raw().exec(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only";
      UPDATE "AuditLog" SET "detail" = '{"n": 99}'::jsonb WHERE "id" = ${Number(victim.id)};
      ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only";`);

    const bad = await verifyAuditChain(raw());
    expect(bad).toEqual({ ok: false, rows: expect.any(Number), brokenId: victim.id, reason: "hash" });
    if (process.env.DATABASE_URL) {
      const cli = runCli();
      expect(cli.code).toBe(1);
      expect(cli.out).toContain(`row id ${victim.id}`);
    }
  });

  it("walks rows in numeric id order across batches (ids 9, 10, 11 …)", async () => {
    for (let i = 0; i < 14; i++) await auditNow({ action: "test.many", detail: { i } });
    const all = await verifyAuditChain(raw());
    // Small batches cross page boundaries; the tampered row from the test above is still reported.
    expect(await verifyAuditChain(raw(), 3)).toEqual(all);
    expect(all.rows).toBeGreaterThan(3);
  });

  it("names the row after a deleted one", async () => {
    await raw().exec(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"; DELETE FROM "AuditLog"; ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only";`);
    for (let i = 0; i < 3; i++) await auditNow({ action: "test.delete", detail: { i } });
    const rows = await raw().query<{ id: string }>(`SELECT "id"::text AS id FROM "AuditLog" ORDER BY "id"`);
    await raw().exec(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"; DELETE FROM "AuditLog" WHERE "id" = ${Number(rows[1].id)}; ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only";`);
    expect(await verifyAuditChain(raw())).toMatchObject({ ok: false, brokenId: rows[2].id, reason: "prevHash" });
  });
});
