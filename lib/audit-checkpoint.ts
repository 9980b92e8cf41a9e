// Signed checkpoints of the audit chain (ADR 0015): every hour (and on demand) the app writes the
// last row's id and hash, signed with AUDIT_KEY, to a file under DATA_DIR/audit-checkpoints — a
// place the database role cannot write. `npm run audit:verify` checks the chain against them, so
// rows cut off the end before a checkpoint are caught. Without `server-only`: the verifier uses it.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type Checkpoint = { lastId: string; lastHash: string; at: string };
export type StoredCheckpoint = Checkpoint & { file: string; valid: boolean };

export function checkpointDir(dataDir: string): string {
  return path.join(dataDir, "audit-checkpoints");
}

function signature(cp: Checkpoint, key: string): string {
  return crypto
    .createHmac("sha256", key)
    .update(JSON.stringify(["mukhbir-audit-checkpoint-v1", cp.lastId, cp.lastHash, cp.at]))
    .digest("hex");
}

/** Writes one checkpoint file (atomically: a temporary file renamed into place). */
export function writeCheckpoint(dir: string, cp: Checkpoint, key: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const name = `${cp.at.replace(/[-:.]/g, "")}-${cp.lastId}.json`;
  const file = path.join(dir, name);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify({ ...cp, signature: signature(cp, key) }, null, 2) + "\n", {
    mode: 0o600,
  });
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

/** Every checkpoint in the folder, oldest first, each marked valid or not (a bad signature is a forgery). */
export function readCheckpoints(dir: string, key: string): StoredCheckpoint[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      try {
        const j = JSON.parse(fs.readFileSync(file, "utf8")) as Checkpoint & { signature?: string };
        const cp = { lastId: String(j.lastId), lastHash: String(j.lastHash), at: String(j.at) };
        const expected = Buffer.from(signature(cp, key));
        const given = Buffer.from(String(j.signature ?? ""));
        return { ...cp, file, valid: given.length === expected.length && crypto.timingSafeEqual(given, expected) };
      } catch {
        return { lastId: "0", lastHash: "", at: "", file, valid: false };
      }
    });
}
