// The database half of start-up: migrations (as the owner role when configured), the first admin,
// demo data (or, outside demo mode, disabling leftover demo users), the audit chain's anchor. Each
// step is idempotent: `npm start` runs it first in a short-lived process (scripts/prepare-database.ts),
// so the server's own run finds nothing to do and never carries the memory the work needed (on
// PGlite a WASM heap that does not shrink; ADR 0806); a server started without the launcher (tests,
// `next start` alone) does the work itself, exactly as before.
import type { Env } from "./env";
import { db, raw } from "./db";
import { migrateDatabase } from "./db/migrate-database";
import { createUser } from "./users/create-user";
import { seedDemo } from "./demo/seed";
import { disableDemoUsers } from "./demo/disable-demo-users";
import { reanchorAuditChain } from "./audit-anchor";
import { log } from "./log";
import { AppError } from "./errors";

export async function prepareDatabase(e: Env) {
  const applied = await migrateDatabase(e, raw());
  if (applied.length) log.info("migrations applied", { count: applied.length, names: applied });

  if (e.ADMIN_USERNAME && e.ADMIN_PASSWORD && (await db.user.count({ where: { role: "ADMIN" } })) === 0) {
    try {
      await createUser(db, {
        username: e.ADMIN_USERNAME,
        name: "Administrator",
        password: e.ADMIN_PASSWORD,
        role: "ADMIN",
      });
    } catch (err) {
      if (err instanceof AppError && err.code === "weakPassword") {
        console.error(
          "Invalid configuration: ADMIN_PASSWORD is a commonly used password (lib/auth/common-passwords.txt); choose another.",
        );
        process.exit(1);
      }
      throw err;
    }
    log.info("first admin created from ADMIN_USERNAME");
  }

  if (e.DEMO_MODE) await seedDemo();
  else {
    const disabled = await disableDemoUsers();
    if (disabled.length) log.warn("demo users disabled (demo mode is off)", { usernames: disabled.join(",") });
  }

  // A chain still under the old unkeyed hash is closed by one keyed row (ADR 0015).
  await reanchorAuditChain();
}
