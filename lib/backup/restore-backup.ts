// Restores a backup written by write-backup.ts: checks every file against the manifest's SHA-256,
// then loads the database — PGlite into a fresh data folder, PostgreSQL with pg_restore into an
// empty database — and puts the media back. The keys are not in a backup: run the restored data
// with the same IDENTITY_* and AUTH_SECRET (docs/decisions/0152-backups.md).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgliteOptions } from "../db/engine";
import { sha256, type Manifest } from "./write-backup";

export function readManifest(dir: string): Manifest {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
  if (manifest.format !== 1) throw new Error(`unknown backup format ${manifest.format}`);
  for (const [file, sum] of Object.entries(manifest.files)) {
    const abs = path.join(dir, file);
    if (!fs.existsSync(abs) || sha256(abs) !== sum)
      throw new Error(`backup file ${file} is missing or changed (SHA-256 differs)`);
  }
  return manifest;
}

export async function restoreBackup(opts: {
  from: string;
  dataDir?: string;
  databaseUrl?: string;
  mediaDir: string | null;
  checkpointsDir?: string;
}) {
  const manifest = readManifest(opts.from);
  if (manifest.engine === "pglite") {
    if (!opts.dataDir) throw new Error("a PGlite backup restores into a data folder (DATA_DIR)");
    const target = path.join(opts.dataDir, "pglite");
    if (fs.existsSync(target) && fs.readdirSync(target).length)
      throw new Error(`${target} is not empty: restore into a fresh data folder`);
    const dump = fs.readFileSync(path.join(opts.from, manifest.database));
    fs.mkdirSync(opts.dataDir, { recursive: true });
    const db = await PGlite.create(target, pgliteOptions({ loadDataDir: new Blob([dump]) }));
    await db.close();
  } else {
    if (!opts.databaseUrl) throw new Error("a PostgreSQL backup restores into DATABASE_URL (an empty database)");
    const r = spawnSync(
      "pg_restore",
      ["--no-owner", "--exit-on-error", "--dbname", opts.databaseUrl, path.join(opts.from, manifest.database)],
      { encoding: "utf8" },
    );
    if (r.error || r.status !== 0)
      throw new Error(`pg_restore failed: ${r.error?.message ?? r.stderr.trim().split("\n")[0]}`);
  }
  if (manifest.media && opts.mediaDir)
    fs.cpSync(path.join(opts.from, manifest.media), opts.mediaDir, { recursive: true });
  if (manifest.checkpoints && opts.checkpointsDir)
    fs.cpSync(path.join(opts.from, manifest.checkpoints), opts.checkpointsDir, { recursive: true });
  return manifest;
}
