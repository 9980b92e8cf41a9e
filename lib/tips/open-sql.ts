// The open and closed statuses (lib/tips/status.ts) as conditions on the "Tip" alias `t`. The open one
// is written as the partial indexes' predicate ("Tip_open_idx" and others) so the planner uses them.
import { Prisma } from "../generated/prisma/client";

export const OPEN_SQL = Prisma.sql`t."status" = ANY (ARRAY['NEW'::"TipStatus", 'IN_PROGRESS'::"TipStatus", 'WAITING_INFORMANT'::"TipStatus"])`;
export const CLOSED_SQL = Prisma.sql`t."status" IN ('CLOSED', 'MERGED')`;
