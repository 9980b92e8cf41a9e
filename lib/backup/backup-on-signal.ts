// `npm run backup` on PGlite while the server runs: only the server may open its data folder, so
// the script leaves a request in DATA_DIR and sends SIGUSR2; the server writes the backup (its
// queries wait during the dump) and marks the request done or failed. Local-only by design: no
// network endpoint can ask for a copy of the database.
import fs from "node:fs";
import path from "node:path";
import { raw } from "../db";
import { env } from "../env";
import { log } from "../log";
import { localMediaDir } from "../storage/storage";
import { writeBackup } from "./write-backup";
import { checkpointDir } from "../audit-checkpoint";

export const REQUEST_FILE = "backup-request.json";

export type BackupRequest = { id: string; outDir: string; state?: "done" | "failed"; error?: string };

export function listenForBackupRequests() {
  const file = path.join(/*turbopackIgnore: true*/ env().DATA_DIR, REQUEST_FILE);
  let busy = false;
  process.on("SIGUSR2", () => {
    if (busy) return;
    busy = true;
    void (async () => {
      let req: BackupRequest | undefined;
      try {
        req = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as BackupRequest;
        const manifest = await writeBackup({
          raw: raw(),
          mediaDir: localMediaDir(),
          checkpointsDir: checkpointDir(env().DATA_DIR),
          outDir: req.outDir,
        });
        log.info("backup written", { dir: req.outDir, counts: manifest.counts });
        fs.writeFileSync(/*turbopackIgnore: true*/ file, JSON.stringify({ ...req, state: "done" }));
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        log.error("backup failed", { error });
        if (req) fs.writeFileSync(/*turbopackIgnore: true*/ file, JSON.stringify({ ...req, state: "failed", error }));
      } finally {
        busy = false;
      }
    })();
  });
}
