// `npm run retention:run [-- --dry-run]`: applies the retention periods now (the server also runs
// them daily), or with --dry-run only shows what would go. On the embedded PGlite stop the server
// first (one process per data folder). docs/decisions/0212-retention.md.
import "./demo-default";
import { closeDb, raw } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { runRetention } from "../lib/retention/run-retention";

// Like the server's start-up: the schema first (an upgrade run before the first start would lack columns).
await migrate(raw());

const dryRun = process.argv.includes("--dry-run");
const r = await runRetention({ dryRun, actor: { id: null, role: "CLI" } });
const day = (d: Date | null) => (d ? d.toISOString() : "never (period 0)");
console.log(
  dryRun ? "Retention dry run: nothing was changed." : "Retention run: done, and recorded in the audit trail.",
);
console.log(
  `  informant addresses and names with no message since ${day(r.addressCutoff)} (${r.addressDays} days): ${r.addressesDestroyed} ${dryRun ? "would be" : ""} destroyed`.replace(
    "  destroyed",
    " destroyed",
  ),
);
console.log(
  `  webhook payloads received before ${day(r.payloadCutoff)} (${r.payloadDays} days): ${r.payloadsPurged} ${dryRun ? "would be" : ""} emptied`.replace(
    "  emptied",
    " emptied",
  ),
);
console.log(
  `  finished jobs older than that: ${r.jobsDeleted} ${dryRun ? "would be" : ""} deleted`.replace(
    "  deleted",
    " deleted",
  ),
);
await closeDb();
