// Least privilege on PostgreSQL (ADR 0014): the owner role migrates, then grants the runtime role
// exactly what the app needs: data rights on the tables, sequences and functions the migrations
// made, and on "AuditLog" only INSERT and SELECT. The runtime role owns nothing, so it cannot
// disable or drop the append-only trigger, create tables or rewrite history. Run after every
// migration, so tables a later migration adds are covered too; idempotent.
import type { Raw } from "./engine";

const SCHEMAS = `public, mukhbir_internal`;

export function quoteRole(role: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/.test(role)) throw new Error(`Unusable database role name "${role}"`);
  return `"${role}"`;
}

export async function grantRuntimeRole(raw: Raw, role: string) {
  const r = quoteRole(role);
  await raw.exec(`
    CREATE SCHEMA IF NOT EXISTS mukhbir_internal;
    GRANT USAGE ON SCHEMA ${SCHEMAS} TO ${r};
    REVOKE CREATE ON SCHEMA ${SCHEMAS} FROM ${r};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${SCHEMAS} TO ${r};
    REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA ${SCHEMAS} FROM ${r};
    REVOKE UPDATE, DELETE ON "AuditLog" FROM ${r};
    REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${r};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${SCHEMAS} TO ${r};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${SCHEMAS} TO ${r};
  `);
}
