// A consistent backup of everything the desk cannot rebuild: the database and the stored media.
// Never the keys: identity keys, the pepper and the auth secret live in the environment (or, in
// demo mode, in DATA_DIR/demo-secrets.json, which is left out), so a leaked backup reveals no
// informant — and a restore needs the same keys to decrypt and match (docs/decisions/0152-backups.md).
//   PGlite: the engine's own dump of its data folder, taken while queries wait (one connection).
//   PostgreSQL: `pg_dump --format=custom`, a consistent snapshot of a live database.
// Media (local storage) is copied file by file; with S3 the bucket has its own versioning/backup.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Raw } from "../db/engine";
// (`turbopackIgnore` comments: these paths are chosen at run time; the build must not trace the project through them.)

export type Manifest = {
  format: 1;
  createdAt: string;
  engine: "pglite" | "postgres";
  database: string;
  media: string | null;
  /** The signed audit checkpoints (ADR 0015), so the restored trail verifies against them. */
  checkpoints: string | null;
  counts: Record<string, number>;
  files: Record<string, string>;
};

const COUNTED = ["Tip", "Message", "Attachment", "Informant", "AuditLog"] as const;

export async function writeBackup(opts: {
  raw: Raw;
  databaseUrl?: string;
  mediaDir: string | null;
  checkpointsDir?: string;
  outDir: string;
}): Promise<Manifest> {
  fs.mkdirSync(/*turbopackIgnore: true*/ opts.outDir, { recursive: true });
  // Counted first: the dump taken after holds at least these rows (a live system only grows).
  const counts: Record<string, number> = {};
  for (const t of COUNTED)
    counts[t] = Number((await opts.raw.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`))[0].n);
  let database: string;
  if (opts.raw.kind === "pglite") {
    if (!opts.raw.dumpDataDir) throw new Error("this engine cannot dump its data folder");
    database = "pglite.tar.gz";
    const blob = await opts.raw.dumpDataDir();
    fs.writeFileSync(
      /*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ opts.outDir, database),
      Buffer.from(await blob.arrayBuffer()),
      { mode: 0o600 },
    );
  } else {
    database = "database.dump";
    const r = spawnSync(
      /*turbopackIgnore: true*/ "pg_dump",
      [
        "--format=custom",
        "--no-owner",
        "--file",
        path.join(/*turbopackIgnore: true*/ opts.outDir, database),
        opts.databaseUrl!,
      ],
      { encoding: "utf8" },
    );
    if (r.error || r.status !== 0)
      throw new Error(`pg_dump failed: ${r.error?.message ?? r.stderr.trim().split("\n")[0]}`);
  }
  let media: string | null = null;
  if (opts.mediaDir && fs.existsSync(/*turbopackIgnore: true*/ opts.mediaDir)) {
    media = "media";
    fs.cpSync(/*turbopackIgnore: true*/ opts.mediaDir, path.join(/*turbopackIgnore: true*/ opts.outDir, media), {
      recursive: true,
      filter: (src) => !src.endsWith(".part"),
    });
  }
  let checkpoints: string | null = null;
  if (opts.checkpointsDir && fs.existsSync(/*turbopackIgnore: true*/ opts.checkpointsDir)) {
    checkpoints = "audit-checkpoints";
    fs.cpSync(
      /*turbopackIgnore: true*/ opts.checkpointsDir,
      path.join(/*turbopackIgnore: true*/ opts.outDir, checkpoints),
      { recursive: true },
    );
  }
  const files: Record<string, string> = {};
  for (const f of listFiles(opts.outDir)) files[f] = sha256(path.join(/*turbopackIgnore: true*/ opts.outDir, f));
  const manifest: Manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    engine: opts.raw.kind,
    database,
    media,
    checkpoints,
    counts,
    files,
  };
  fs.writeFileSync(
    /*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ opts.outDir, "manifest.json"),
    JSON.stringify(manifest, null, 2),
    { mode: 0o600 },
  );
  return manifest;
}

export function listFiles(dir: string, prefix = ""): string[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const rel = path.join(/*turbopackIgnore: true*/ prefix, e.name);
      if (rel === "manifest.json") return [];
      return e.isDirectory() ? listFiles(dir, rel) : [rel];
    });
}

export function sha256(file: string) {
  return crypto.createHash("sha256").update(fs.readFileSync(/*turbopackIgnore: true*/ file)).digest("hex");
}
