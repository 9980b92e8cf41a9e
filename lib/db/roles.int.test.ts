// Least-privilege roles on PostgreSQL (ADR 0014): the runtime role the whole suite runs as can read
// and append the audit trail but not rewrite it, cannot touch its trigger and cannot create tables.
// (PGlite has no roles: there the trigger and the keyed chain are the protection.)
import { describe, expect, it } from "vitest";
import { raw } from "../db";
import { auditNow } from "../audit";
import { ownerRaw } from "../testing/owner-raw";

const postgres = !!process.env.DATABASE_URL;

describe.runIf(postgres)("runtime database role", () => {
  it("is not the owner role", async () => {
    const [me] = await raw().query<{ r: string }>(`SELECT current_user AS r`);
    const [owner] = await ownerRaw().query<{ r: string }>(`SELECT current_user AS r`);
    expect(me.r).not.toBe(owner.r);
    const [t] = await raw().query<{ owner: string }>(
      `SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'AuditLog'`,
    );
    expect(t.owner).toBe(owner.r);
  });

  it("may append to and read AuditLog, never update, delete or truncate it", async () => {
    await auditNow({ action: "test.roles" });
    expect((await raw().query(`SELECT 1 FROM "AuditLog" WHERE "action" = 'test.roles'`)).length).toBe(1);
    await expect(raw().query(`UPDATE "AuditLog" SET "action" = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(raw().query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/permission denied/);
    await expect(raw().query(`TRUNCATE "AuditLog"`)).rejects.toThrow(/permission denied/);
  });

  it("cannot disable or drop the append-only trigger, nor drop the table", async () => {
    await expect(raw().query(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`)).rejects.toThrow(
      /must be owner/,
    );
    await expect(raw().query(`DROP TRIGGER "AuditLog_append_only" ON "AuditLog"`)).rejects.toThrow(/must be owner/);
    await expect(raw().query(`DROP TABLE "AuditLog"`)).rejects.toThrow(/must be owner/);
    await expect(
      raw().query(
        `CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql`,
      ),
    ).rejects.toThrow(/must be owner|permission denied/);
  });

  it("cannot create tables or functions in the app's schemas, nor change the migrations record", async () => {
    await expect(raw().query(`CREATE TABLE public.sneaky (x int)`)).rejects.toThrow(/permission denied/);
    await expect(raw().query(`CREATE TABLE mukhbir_internal.sneaky (x int)`)).rejects.toThrow(/permission denied/);
    await expect(raw().query(`CREATE FUNCTION public.sneaky() RETURNS int AS 'SELECT 1' LANGUAGE sql`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(raw().query(`DELETE FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
    expect((await raw().query(`SELECT 1 FROM "_prisma_migrations" LIMIT 1`)).length).toBe(1);
  });
});
