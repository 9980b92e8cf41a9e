// Server start-up: configuration, migrations, first admin, demo data, background workers.
// A bad configuration stops the process with a message naming the variable.
import { env, EnvError } from "./env";
import { closeDb, db, raw } from "./db";
import { DRAIN_MS, installShutdown, onShutdown } from "./lifecycle/shutdown";
import { migrate } from "./db/migrate";
import { runDataSteps } from "./db/data-steps";
import { createUser } from "./users/create-user";
import { seedDemo, DEMO_USERS } from "./demo/seed";
import { log } from "./log";

export async function startup() {
  let e;
  try {
    e = env();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const applied = [...(await migrate(raw())), ...(await runDataSteps(raw()))];
  if (applied.length) log.info("migrations applied", { count: applied.length, names: applied });

  if (e.ADMIN_USERNAME && e.ADMIN_PASSWORD && (await db.user.count({ where: { role: "ADMIN" } })) === 0) {
    await createUser(db, { username: e.ADMIN_USERNAME, name: "Administrator", password: e.ADMIN_PASSWORD, role: "ADMIN" });
    log.info("first admin created from ADMIN_USERNAME");
  }

  if (e.DEMO_MODE) {
    await seedDemo();
    console.log(
      [
        "",
        "Mukhbir demo mode — sign in at " + e.PUBLIC_BASE_URL + "/login with:",
        ...DEMO_USERS.map((u) => `  ${u.role.padEnd(10)} ${u.username} / ${u.password}`),
        "Demo users exist only in demo mode (DEMO_MODE=true). Data: " + (e.DATABASE_URL ? "PostgreSQL" : e.DATA_DIR),
        "",
      ].join("\n"),
    );
  }

  if (e.WORKER_ENABLED) {
    // Media fetches and outbound replies (lib/jobs/handlers.ts); jobs left by a crash resume here.
    const { registerHandlers } = await import("./jobs/handlers");
    const { startWorker, stopWorker } = await import("./jobs/worker");
    registerHandlers();
    // Today's retention run (once per date across restarts and instances): docs/decisions/0212-retention.md.
    const { scheduleRetention } = await import("./retention/schedule-retention");
    await scheduleRetention();
    startWorker();
    onShutdown("worker", () => stopWorker(DRAIN_MS));
  }
  // `npm run backup` asks the process holding the embedded database for a consistent copy.
  if (!e.DATABASE_URL) (await import("./backup/backup-on-signal")).listenForBackupRequests();
  // SIGTERM drains instead of cutting requests off (lib/lifecycle/shutdown.ts).
  onShutdown("database", () => closeDb());
  installShutdown();
}
