// `npm run audit:verify [-- --checkpoints DIR]`: walks the audit trail in id order on the configured
// database (DATABASE_URL, else the embedded PGlite under DATA_DIR — stop the server first, only one
// process may open it), recomputes every row's HMAC under AUDIT_KEY (ADR 0015) from its fields and
// the previous row's hash, and checks the chain against the signed checkpoints the app wrote
// (DATA_DIR/audit-checkpoints unless --checkpoints says otherwise). Exit 0 when intact; exit 1
// naming the first row that fails (or the checkpoint the chain falls short of) otherwise.
import "./demo-default";
import { parseArgs } from "node:util";
import { openEngine } from "../lib/db/engine";
import { checkpointDir, readCheckpoints } from "../lib/audit-checkpoint";
import { describe, verifyAuditChain } from "../lib/audit-verify";

async function main() {
  const { values } = parseArgs({ options: { checkpoints: { type: "string" } } });
  // Read through lib/env.ts (the one reader of process.env); the database settings, DATA_DIR and AUDIT_KEY matter here.
  const { env } = await import("../lib/env");
  const e = env();
  const dir = values.checkpoints ?? checkpointDir(e.DATA_DIR);
  const checkpoints = readCheckpoints(dir, e.AUDIT_KEY);
  if (!checkpoints.length) console.error(`note: no checkpoints in ${dir}: rows cut off the end cannot be detected.`);
  const engine = openEngine({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR });
  try {
    const result = await verifyAuditChain(engine.raw, { key: e.AUDIT_KEY, checkpoints });
    (result.ok ? console.log : console.error)(describe(result));
    return result.ok ? 0 : 1;
  } finally {
    await engine.raw.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`audit:verify failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(2);
    },
  );
}
