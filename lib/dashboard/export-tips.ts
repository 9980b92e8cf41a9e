// The tips of a dashboard range as CSV rows, streamed in keyset-paged batches so a month at a
// million tips never sits in memory. Columns are an explicit allow-list: nothing that identifies
// an informant (number, WhatsApp id, profile name) is ever selected — the alias at most — and no
// message text either.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import type { DashboardFilters } from "./filters";
import { rangeWhere, FIRST_RESPONSE_SECONDS, CLOSE_SECONDS } from "./sql";
import { BOM, csvLine } from "./csv";
import { istTimestampText } from "../time/ist";

export const EXPORT_COLUMNS = [
  "ref",
  "received_at_ist",
  "channel",
  "status",
  "priority",
  "category",
  "police_station",
  "assignee",
  "outcome",
  "first_response_at_ist",
  "closed_at_ist",
  "first_response_minutes",
  "close_minutes",
  "informant_alias",
] as const;

type Row = {
  id: string;
  receivedAt: Date;
  ref: string;
  channel: string;
  status: string;
  priority: string;
  category: string;
  station: string | null;
  assignee: string | null;
  outcome: string | null;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  frMin: number | null;
  closeMin: number | null;
  alias: string;
};

const BATCH = 2000;
const ist = (at: Date | null) => (at ? istTimestampText(at) : null);
const minutes = (s: Prisma.Sql) => Prisma.sql`round((${s} / 60.0)::numeric, 1)::float8`;

async function batch(f: DashboardFilters, after: { at: Date; id: string } | null) {
  return db.$queryRaw<Row[]>`
    SELECT t."id", t."receivedAt", t."ref", t."channel"::text AS "channel",
      t."status"::text AS "status", t."priority"::text AS "priority", t."category"::text AS "category",
      s."name" AS "station", u."name" AS "assignee", t."outcome"::text AS "outcome",
      t."firstResponseAt", t."closedAt",
      ${minutes(FIRST_RESPONSE_SECONDS)} AS "frMin", CASE WHEN t."status" = 'CLOSED' THEN ${minutes(CLOSE_SECONDS)} END AS "closeMin",
      i."alias" AS "alias"
    FROM "Tip" t
    JOIN "Informant" i ON i."id" = t."informantId"
    LEFT JOIN "PoliceStation" s ON s."id" = t."stationId"
    LEFT JOIN "User" u ON u."id" = t."assigneeId"
    WHERE ${rangeWhere(f)} ${after ? Prisma.sql`AND (t."receivedAt", t."id") > (${after.at}, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY t."receivedAt", t."id"
    LIMIT ${BATCH}`;
}

/** The CSV text, chunk by chunk: BOM and header first, then one chunk per batch of rows. */
export async function* exportTipsCsv(f: DashboardFilters): AsyncGenerator<string> {
  yield BOM + csvLine([...EXPORT_COLUMNS]);
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const rows = await batch(f, after);
    if (rows.length === 0) return;
    yield rows
      .map((r) =>
        csvLine([
          r.ref,
          ist(r.receivedAt),
          r.channel,
          r.status,
          r.priority,
          r.category,
          r.station,
          r.assignee,
          r.outcome,
          ist(r.firstResponseAt),
          ist(r.closedAt),
          r.frMin,
          r.closeMin,
          r.alias,
        ]),
      )
      .join("");
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    after = { at: last.receivedAt, id: last.id };
  }
}
