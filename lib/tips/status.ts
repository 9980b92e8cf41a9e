// Which statuses are open work and which are done: the one list (the SQL form is lib/tips/open-sql.ts,
// the triggers' is mukhbir_internal.tip_open). Pure, so pages and client components share it.
import type { TipStatus } from "../generated/prisma/enums";

export const OPEN_STATUSES = ["NEW", "IN_PROGRESS", "WAITING_INFORMANT"] as const satisfies readonly TipStatus[];
/** Closed by an officer, or merged into another tip (which carries on its messages). */
export const CLOSED_STATUSES = ["CLOSED", "MERGED"] as const satisfies readonly TipStatus[];

export const isClosed = (status: TipStatus) => (CLOSED_STATUSES as readonly TipStatus[]).includes(status);
