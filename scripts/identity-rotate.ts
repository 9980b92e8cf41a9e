// `npm run identity:rotate [-- --status]`: re-encrypts every stored address under IDENTITY_ACTIVE_KEY
// and recomputes every keyed hash under IDENTITY_PEPPER (lib/identity/rotate.ts). Safe on a live
// system and resumable: run it again after an interruption. `--status` only counts what is left.
import "./demo-default";
import { closeDb } from "../lib/db";
import { rotateIdentity, rotationStatus } from "../lib/identity/rotate";

const print = (label: string, s: Awaited<ReturnType<typeof rotationStatus>>) =>
  console.log(
    `${label}: under another key ${s.oldKey.informants} informants, ${s.oldKey.identifiers} identifiers; ` +
      `under another pepper ${s.oldPepper.informants} informants, ${s.oldPepper.identifiers} identifiers (${s.unrecoverable} with no address left to recompute from)`,
  );

try {
  print("before", await rotationStatus());
  if (!process.argv.includes("--status")) {
    const r = await rotateIdentity({
      onBatch: (p) =>
        process.stdout.write(`\rre-encrypted ${p.reencrypted}, re-hashed ${p.rehashed}, skipped ${p.skipped}`),
    });
    console.log(`\ndone: re-encrypted ${r.reencrypted}, re-hashed ${r.rehashed}, skipped ${r.skipped}`);
    print("after", await rotationStatus());
  }
} finally {
  await closeDb();
}
