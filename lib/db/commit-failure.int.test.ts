// A transaction whose COMMIT fails must reject on both engines: webhooks answer 2xx only after
// commit. (pglite-prisma-adapter 0.7.2 swallowed commit errors; see commitErrorsSurface in engine.ts.)
import { expect, it } from "vitest";
import { db } from "../db";
import { grantRuntime, ownerRaw } from "../testing/owner-raw";

it("rejects $transaction when the COMMIT itself fails, leaving nothing behind", async () => {
  await ownerRaw().exec(`CREATE TABLE commit_probe (x int);
    CREATE FUNCTION commit_probe_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$;
    CREATE CONSTRAINT TRIGGER commit_probe_fail AFTER INSERT ON commit_probe DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION commit_probe_fail();`);
  await grantRuntime();
  await expect(db.$transaction((tx) => tx.$executeRaw`INSERT INTO commit_probe VALUES (1)`)).rejects.toThrow(
    /refused at commit/,
  );
  expect(await ownerRaw().query(`SELECT count(*)::int AS n FROM commit_probe`)).toEqual([{ n: 0 }]);
  // The engine is still usable afterwards, and a rollback is still a rollback.
  await expect(
    db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1`;
      throw new Error("abort");
    }),
  ).rejects.toThrow("abort");
  expect(await db.$transaction((tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1::int AS one`)).toEqual([{ one: 1 }]);
  await ownerRaw().exec(`DROP TABLE commit_probe; DROP FUNCTION commit_probe_fail();`);
});
