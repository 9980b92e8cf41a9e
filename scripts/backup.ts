// `npm run backup [-- --out DIR]`: a consistent backup of the database and stored media, without
// any key (lib/backup/write-backup.ts). PostgreSQL: pg_dump of DATABASE_URL, from here. PGlite:
// from here when no server holds the data folder; otherwise the running server writes it
// (lib/backup/backup-on-signal.ts). Default DIR: DATA_DIR/backups/<time>.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../lib/env";
import { openEngine } from "../lib/db/engine";
import { localMediaDir } from "../lib/storage/storage";
import { writeBackup } from "../lib/backup/write-backup";
import { REQUEST_FILE, type BackupRequest } from "../lib/backup/backup-on-signal";
import { checkpointDir } from "../lib/audit-checkpoint";

// The same default as `npm start`: no database URL and no DEMO_MODE means the demo's data folder.
if (!process.env.DEMO_MODE && !process.env.DATABASE_URL) process.env.DEMO_MODE = "true";
const e = env();
const i = process.argv.indexOf("--out");
const outDir = path.resolve(
  i > 0 ? process.argv[i + 1] : path.join(e.DATA_DIR, "backups", new Date().toISOString().replace(/[:.]/g, "-")),
);
if (fs.existsSync(path.join(outDir, "manifest.json"))) {
  console.error(`${outDir} already holds a backup`);
  process.exit(1);
}

async function main() {
  if (!e.DATABASE_URL) {
    const holder = lockHolder(e.DATA_DIR);
    if (holder) return viaServer(holder);
  }
  const engine = openEngine({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR });
  try {
    const m = await writeBackup({
      raw: engine.raw,
      databaseUrl: e.DATABASE_URL,
      mediaDir: localMediaDir(),
      checkpointsDir: checkpointDir(e.DATA_DIR),
      outDir,
    });
    console.log(`backup written to ${outDir}: ${JSON.stringify(m.counts)}`);
  } finally {
    await engine.raw.close();
  }
}

async function viaServer(pid: number) {
  const file = path.join(e.DATA_DIR, REQUEST_FILE);
  const req: BackupRequest = { id: crypto.randomUUID(), outDir };
  fs.writeFileSync(file, JSON.stringify(req), { mode: 0o600 });
  process.kill(pid, "SIGUSR2");
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    const now = JSON.parse(fs.readFileSync(file, "utf8")) as BackupRequest;
    if (now.id !== req.id || !now.state) continue;
    fs.rmSync(file, { force: true });
    if (now.state === "failed") throw new Error(`the server could not write the backup: ${now.error}`);
    console.log(`backup written by the running server (pid ${pid}) to ${outDir}`);
    return;
  }
  throw new Error("the server did not answer the backup request within 10 minutes");
}

function lockHolder(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(path.resolve(dataDir), "pglite.lock"), "utf8"));
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
