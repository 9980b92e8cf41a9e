// Server start-up: configuration, the database's preparation (lib/prepare-database.ts: migrations,
// first admin, demo data, the audit chain's anchor), recurring jobs, background workers. A bad configuration stops the process with a message naming the variable.
import { envOrExit } from "./env";
import { closeDb } from "./db";
import { DRAIN_MS, installShutdown, onShutdown } from "./lifecycle/shutdown";
import { prepareDatabase } from "./prepare-database";
import { DEMO_USERS } from "./demo/seed";
import { clientAddressHookLoaded } from "./auth/client-ip";
import { log } from "./log";

export async function startup() {
  const e = envOrExit();
  await prepareDatabase(e);

  if (e.DEMO_MODE) {
    console.log(
      [
        "",
        "==================================================================================",
        " MUKHBIR DEMO MODE: example data and PUBLISHED passwords. Not for real tips.",
        " Listening on this machine only. Sign in at " + e.PUBLIC_BASE_URL + "/login with:",
        ...DEMO_USERS.map((u) => `   ${u.role.padEnd(10)} ${u.username} / ${u.password}`),
        " The supervisor and admin set up a second factor (an authenticator app) at first sign-in.",
        " Demo users exist only in demo mode. Data: " + (e.DATABASE_URL ? "PostgreSQL" : e.DATA_DIR),
        "==================================================================================",
        "",
      ].join("\n"),
    );
  }
  if (!clientAddressHookLoaded())
    log.warn(
      "started without scripts/client-address-hook.cjs (use npm start): client addresses come from X-Forwarded-For as sent, and can be forged",
    );

  if (e.WORKER_ENABLED) {
    // Media fetches and outbound replies (lib/jobs/handlers.ts); jobs left by a crash resume here.
    const { registerHandlers } = await import("./jobs/handlers");
    const { startWorker, stopWorker } = await import("./jobs/worker");
    const { scheduleRecurring, warmRollupsSoon } = await import("./jobs/recurring");
    registerHandlers();
    // The hourly signed audit checkpoint, the daily clean-up (inactive accounts, throttle counters)
    // and the daily retention run (ADR 0212): each once per slot, whatever the instances or restarts.
    await scheduleRecurring("audit.checkpoint");
    await scheduleRecurring("maintenance.daily");
    await scheduleRecurring("retention.run");
    // The cross-script search index and the entities of messages stored before their rules (ADR
    // 0700, 0715), until done; from the start when the rules changed.
    const { scheduleBackfill } = await import("./jobs/backfill");
    await scheduleBackfill((await import("./search/backfill")).searchBackfill);
    await scheduleBackfill((await import("./entities/backfill")).entitiesBackfill);
    // The dashboard's rollups are built now, in the background, not by the first view after a
    // deploy: this start's own run (a slot already run this hour would be deduplicated).
    await warmRollupsSoon("start");
    await scheduleRecurring("requests.escalate");
    await scheduleRecurring("tips.unclaimed");
    startWorker();
    onShutdown("worker", () => stopWorker(DRAIN_MS));
  }
  // `npm run backup` asks the process holding the embedded database for a consistent copy.
  if (!e.DATABASE_URL) (await import("./backup/backup-on-signal")).listenForBackupRequests();
  // SIGTERM drains instead of cutting requests off (lib/lifecycle/shutdown.ts).
  onShutdown("database", () => closeDb());
  installShutdown();
}
