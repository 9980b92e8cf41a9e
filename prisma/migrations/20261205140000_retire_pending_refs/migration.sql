-- Calls and statuses store through the same one-statement SQL entry points as messages
-- (prisma/functions/ingest_*.sql), which number a new tip in their last steps: the pending-ref
-- machinery that numbered a call's tip at COMMIT (ADR 0110, superseded) has no user left.
DROP TRIGGER IF EXISTS number_tip ON mukhbir_internal.tip_pending;
DROP TABLE IF EXISTS mukhbir_internal.tip_pending;
DROP FUNCTION IF EXISTS mukhbir_internal.number_tip();
