// `npm run restore -- --from DIR`: loads a backup (lib/backup/restore-backup.ts) into DATA_DIR (a
// fresh one: PGlite) or DATABASE_URL (an empty database: PostgreSQL), with its media. Run the app
// on it with the same IDENTITY_* keys and AUTH_SECRET it was written under.
import path from "node:path";
import { env } from "../lib/env";
import { localMediaDir } from "../lib/storage/storage";
import { restoreBackup } from "../lib/backup/restore-backup";
import { checkpointDir } from "../lib/audit-checkpoint";

// The same default as `npm start`: no database URL and no DEMO_MODE means the demo's data folder.
if (!process.env.DEMO_MODE && !process.env.DATABASE_URL) process.env.DEMO_MODE = "true";
const e = env();
const i = process.argv.indexOf("--from");
if (i < 0) {
  console.error("usage: npm run restore -- --from BACKUP_DIR");
  process.exit(2);
}
restoreBackup({
  from: path.resolve(process.argv[i + 1]),
  dataDir: e.DATABASE_URL ? undefined : e.DATA_DIR,
  databaseUrl: e.DATABASE_URL,
  mediaDir: localMediaDir(),
  checkpointsDir: checkpointDir(e.DATA_DIR),
})
  .then((m) => console.log(`restored ${m.engine} backup of ${m.createdAt}: ${JSON.stringify(m.counts)}`))
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
