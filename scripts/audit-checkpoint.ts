// `npm run audit:checkpoint`: writes a signed checkpoint of the audit chain now (the app also writes
// one every hour and at start-up; ADR 0015). On PostgreSQL it may run beside the app; on the embedded
// PGlite stop the server first (one process per data folder).
import "./demo-default";
import { closeDb } from "../lib/db";
import { writeAuditCheckpoint } from "../lib/audit-anchor";

try {
  const file = await writeAuditCheckpoint();
  console.log(file ? `audit checkpoint written: ${file}` : "the audit trail is empty: nothing to checkpoint");
} finally {
  await closeDb();
}
