// The queue page's data: one page of rows for the URL's view, filters, search and sort, with keyset
// pagination (a cursor of the boundary row's sort values and id, compared as a row value so the
// index range starts at the cursor — no OFFSET, page 1,000 costs what page 1 costs).
import "server-only";
import { db } from "../db";
import { computeSla, type Sla } from "../sla/compute";
import type {
  Category,
  Channel,
  HandlingCode,
  IntelGrade,
  Priority,
  SourceGrade,
  TipStatus,
} from "../generated/prisma/enums";
import { formatGrade, sourceNumber, type SourceNumber } from "../grading/scale";
import { suggestSource } from "../grading/suggest-source";
import { decodeCursor, encodeCursor } from "./cursor";
import { whereClause, type QueryContext } from "./conditions";
import { effectiveSort, searchOf, type QueueParams, type SortKey } from "./params";
import { markMatches, type SearchQuery } from "../search/query";
import { searchRankSql } from "../search/sql";
import { loadMatchKeys } from "../search/match-keys";
import { Prisma } from "../generated/prisma/client";

export type QueueRow = {
  id: string;
  ref: string;
  receivedAt: string;
  channel: Channel;
  preview: string;
  mediaCount: number;
  category: Category;
  priority: Priority;
  stationId: string | null;
  stationName: string | null;
  stationNameHi: string | null;
  status: TipStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  firstResponseAt: string | null;
  closedAt: string | null;
  lastActivityAt: string;
  flagged: boolean;
  /** The officer's grade, e.g. "2B P" (ADR 0707); null until graded. */
  grade: string | null;
  /** The source evaluation the alias's standing suggests, and whether it is marked as abusing the line (ADR 0708). */
  suggestedSource: SourceNumber;
  abusing: boolean;
  sla: Sla;
  /** With a search: 3 exact, 2 phonetic, 1 fuzzy (the relevance sort), and the preview's matched words. */
  rank?: number;
  marks?: [number, number][];
};

export type QueuePage = { rows: QueueRow[]; prev: string | null; next: string | null };

/** Sort keys: the column (its name on a row, for the cursor) and how a cursor value is bound; the id breaks ties. */
type SortColumn = {
  key: "receivedAt" | "lastActivityAt" | "priority" | "ref" | "closedAt" | "rank";
  column: Prisma.Sql;
  bind: (v: string | number) => Prisma.Sql;
};
const receivedAt: SortColumn = {
  key: "receivedAt",
  column: Prisma.sql`t."receivedAt"`,
  bind: (v) => Prisma.sql`${v}::timestamptz`,
};
const SORT_SQL: Record<Exclude<SortKey, "relevance">, SortColumn[]> = {
  received: [receivedAt],
  lastActivity: [
    { key: "lastActivityAt", column: Prisma.sql`t."lastActivityAt"`, bind: (v) => Prisma.sql`${v}::timestamptz` },
  ],
  priority: [
    { key: "priority", column: Prisma.sql`t."priority"`, bind: (v) => Prisma.sql`${v}::"Priority"` },
    receivedAt,
  ],
  ref: [{ key: "ref", column: Prisma.sql`t."ref"`, bind: (v) => Prisma.sql`${v}::text` }],
  closed: [{ key: "closedAt", column: Prisma.sql`t."closedAt"`, bind: (v) => Prisma.sql`${v}::timestamptz` }],
};
const ID = Prisma.sql`t."id"`;

function sortColumns(key: SortKey, search: SearchQuery | undefined): SortColumn[] {
  if (key !== "relevance") return SORT_SQL[key];
  const rank = search ? searchRankSql(search, Prisma.sql`t`) : Prisma.sql`0`;
  return [{ key: "rank", column: rank, bind: (v) => Prisma.sql`${Number(v)}::int` }, receivedAt];
}

function rankColumn(f: QueueParams): Prisma.Sql {
  const s = searchOf(f);
  return s?.ok ? Prisma.sql`, ${searchRankSql(s.query, Prisma.sql`t`)} AS "rank"` : Prisma.empty;
}

/** The matched words of each row's preview, for <mark> (ADR 0700). */
async function withMarks(f: QueueParams, rows: QueueRow[]): Promise<QueueRow[]> {
  const s = searchOf(f);
  if (!s?.ok || !rows.length) return rows;
  const keys = await loadMatchKeys(s.query);
  return rows.map((r) => ({ ...r, marks: markMatches(r.preview, keys) }));
}

const COLUMNS = Prisma.sql`t."id", t."ref", t."receivedAt", t."channel", t."preview", t."mediaCount", t."category", t."priority",
  t."stationId", s."name" AS "stationName", s."nameHi" AS "stationNameHi", t."status", t."assigneeId", u."name" AS "assigneeName",
  t."firstResponseAt", t."closedAt", t."lastActivityAt", t."flagged",
  t."sourceGrade", t."intelGrade", t."handlingCode", st."actioned", st."falseInfo", st."abuse", st."abusingAt" IS NOT NULL AS "abusing"`;
// The standing is one primary-key row per informant, kept by a trigger (ADR 0708): no history scan per row.
const FROM = Prisma.sql`"Tip" t LEFT JOIN "PoliceStation" s ON s."id" = t."stationId" LEFT JOIN "User" u ON u."id" = t."assigneeId"
  LEFT JOIN "InformantStanding" st ON st."informantId" = t."informantId"`;

type DbRow = Omit<
  QueueRow,
  "sla" | "marks" | "receivedAt" | "firstResponseAt" | "closedAt" | "lastActivityAt" | "grade" | "suggestedSource"
> & {
  sourceGrade: SourceGrade | null;
  intelGrade: IntelGrade | null;
  handlingCode: HandlingCode | null;
  actioned: number | null;
  falseInfo: number | null;
  abuse: number | null;
  receivedAt: Date;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  lastActivityAt: Date;
};

export async function listQueue(f: QueueParams, ctx: QueryContext): Promise<QueuePage> {
  const { key, desc } = effectiveSort(f);
  const search = searchOf(f);
  const keys = sortColumns(key, search?.ok ? search.query : undefined);
  const backwards = !f.after && !!f.before;
  const cursor = decodeCursor(f.after ?? f.before, keys.length + 1);
  const where = [whereClause(f, ctx)];
  // Moving backwards walks the same index the other way, then the page is flipped back.
  const forwardDesc = backwards ? !desc : desc;
  if (cursor) {
    const lhs = Prisma.join([...keys.map((k) => k.column), ID], ", ");
    const rhs = Prisma.join([...keys.map((k, i) => k.bind(cursor[i])), Prisma.sql`${cursor[keys.length]}::uuid`], ", ");
    where.push(forwardDesc ? Prisma.sql`(${lhs}) < (${rhs})` : Prisma.sql`(${lhs}) > (${rhs})`);
  }
  const dir = forwardDesc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const order = Prisma.join(
    [...keys.map((k) => k.column), ID].map((c) => Prisma.sql`${c} ${dir}`),
    ", ",
  );
  const raw = await db.$queryRaw<
    DbRow[]
  >`SELECT ${COLUMNS}${rankColumn(f)} FROM ${FROM} WHERE ${Prisma.join(where, " AND ")} ORDER BY ${order} LIMIT ${f.size + 1}::int`;
  const more = raw.length > f.size;
  const page = raw.slice(0, f.size);
  if (backwards) page.reverse();
  const rows = await withMarks(
    f,
    page.map((r) => toQueueRow(r, ctx)),
  );
  const cursorOf = (r: DbRow | undefined) => (r ? encodeCursor([...keys.map((k) => sortValue(r[k.key])), r.id]) : null);
  const first = backwards ? page[0] : page[0];
  const last = page[page.length - 1];
  return {
    rows,
    prev: (backwards ? more : !!cursor) ? cursorOf(first) : null,
    next: (backwards ? !!cursor : more) ? cursorOf(last) : null,
  };
}

/** Rows by id that (still) match the view and filters — for live updates of an open queue. */
export async function queueRowsById(f: QueueParams, ctx: QueryContext, ids: string[]): Promise<QueueRow[]> {
  if (!ids.length) return [];
  const raw = await db.$queryRaw<
    DbRow[]
  >`SELECT ${COLUMNS}${rankColumn(f)} FROM ${FROM} WHERE ${whereClause(f, ctx)} AND t."id" = ANY(${ids}::uuid[])`;
  return withMarks(
    f,
    raw.map((r) => toQueueRow(r, ctx)),
  );
}

function sortValue(v: Date | string | number | null | undefined): string | number {
  return v instanceof Date ? v.toISOString() : typeof v === "number" ? v : (v as string);
}

// pg already hands back Dates: format them without a copy (under `next start` every `new Date` goes
// through Next's instrumented constructor, a few microseconds each, four per row).
const iso = (d: Date | string | null) =>
  d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();

export function toQueueRow(raw: DbRow, ctx: QueryContext): QueueRow {
  // The standing's numbers stay on the server: the row carries only the suggestion it makes.
  const { sourceGrade, intelGrade, handlingCode, actioned, falseInfo, abuse, ...r } = raw;
  const abusing = !!r.abusing;
  const suggested = suggestSource({
    actioned: Number(actioned ?? 0),
    falseInfo: Number(falseInfo ?? 0),
    abuse: Number(abuse ?? 0),
    abusing,
  });
  const row = {
    ...r,
    abusing,
    grade:
      sourceGrade && intelGrade && handlingCode
        ? formatGrade({ source: sourceGrade, intel: intelGrade, handling: handlingCode })
        : null,
    suggestedSource: sourceNumber(suggested.grade),
    mediaCount: Number(r.mediaCount),
    ...(r.rank !== undefined ? { rank: Number(r.rank) } : {}),
    receivedAt: iso(r.receivedAt)!,
    firstResponseAt: iso(r.firstResponseAt),
    closedAt: iso(r.closedAt),
    lastActivityAt: iso(r.lastActivityAt)!,
  };
  return { ...row, sla: computeSla(row, ctx.targets, ctx.now.getTime()) };
}
