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
import { receivedRange, whereClause, type QueryContext } from "./conditions";
import { effectiveSort, searchOf, type QueueParams, type SortKey } from "./params";
import { markMatches } from "../search/query";
import { searchCandidatesSql, searchMatchSql, searchRankSql, searchWalkSql, type SearchPlan } from "../search/sql";
import { loadSearchPlan } from "../search/plan";
import { matchKeysOfPlan } from "../search/match-keys";
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

/** The relevance sort walks matches newest first and orders each page by rank (ADR 0710): its cursor is the time order's. */
const sortColumns = (key: SortKey): SortColumn[] => (key === "relevance" ? [receivedAt] : SORT_SQL[key]);

const rankColumn = (plan: SearchPlan | undefined) =>
  plan ? Prisma.sql`, ${searchRankSql(plan, Prisma.sql`t`)} AS "rank"` : Prisma.empty;

/** The matched words of each row's preview, for <mark> (ADR 0700). */
function withMarks(plan: SearchPlan | undefined, rows: QueueRow[]): QueueRow[] {
  if (!plan || !rows.length) return rows;
  const keys = matchKeysOfPlan(plan);
  return rows.map((r) => ({ ...r, marks: markMatches(r.preview, keys) }));
}

/** A query too short to run filters nothing (the page says why). */
async function planOf(f: QueueParams): Promise<SearchPlan | undefined> {
  const s = searchOf(f);
  return s?.ok ? loadSearchPlan(s.query) : undefined;
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
  const plan = await planOf(f);
  const keys = sortColumns(key);
  const backwards = !f.after && !!f.before;
  const cursor = decodeCursor(f.after ?? f.before, keys.length + 1);
  // Moving backwards walks the same index the other way, then the page is flipped back.
  const forwardDesc = backwards ? !desc : desc;
  const dir = forwardDesc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const order = Prisma.join(
    [...keys.map((k) => k.column), ID].map((c) => Prisma.sql`${c} ${dir}`),
    ", ",
  );
  const limit = f.size + 1;
  let where: Prisma.Sql;
  const walk = !!plan && (key === "relevance" || key === "received");
  if (plan && walk) {
    // By time (relevance or received): the page's ids from the walk that stops after a page (ADR 0710).
    where = Prisma.sql`t."id" IN (${searchWalkSql(plan, {
      where: whereClause(f, ctx),
      after: cursor ? { at: String(cursor[0]), id: String(cursor[1]) } : undefined,
      desc: forwardDesc,
      limit,
      range: (column) => receivedRange(f, column),
    })})`;
  } else {
    const conds = [whereClause(f, ctx)];
    if (plan) conds.push(Prisma.sql`t."id" IN (${searchCandidatesSql(plan)})`);
    if (cursor) {
      const lhs = Prisma.join([...keys.map((k) => k.column), ID], ", ");
      const rhs = Prisma.join(
        [...keys.map((k, i) => k.bind(cursor[i])), Prisma.sql`${cursor[keys.length]}::uuid`],
        ", ",
      );
      conds.push(forwardDesc ? Prisma.sql`(${lhs}) < (${rhs})` : Prisma.sql`(${lhs}) > (${rhs})`);
    }
    where = Prisma.join(conds, " AND ");
  }
  const select = db.$queryRaw<
    DbRow[]
  >`SELECT ${COLUMNS}${rankColumn(plan)} FROM ${FROM} WHERE ${where} ORDER BY ${order} LIMIT ${limit}::int`;
  // The walk reads a page's worth of rows, but PostgreSQL, expecting a filter such as "open" to be
  // spread evenly over time, would start parallel workers for it (10–20 ms to launch, more than the
  // walk itself; BENCHMARKS "Search and watch matching").
  const raw = walk
    ? (await db.$transaction([db.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`, select]))[1]
    : await select;
  const more = raw.length > f.size;
  const page = raw.slice(0, f.size);
  if (backwards) page.reverse();
  const cursorOf = (r: DbRow | undefined) => (r ? encodeCursor([...keys.map((k) => sortValue(r[k.key])), r.id]) : null);
  const first = page[0];
  const last = page[page.length - 1];
  const rows = withMarks(
    plan,
    page.map((r) => toQueueRow(r, ctx)),
  );
  return {
    // Relevance: the page's exact matches first, then phonetic, then typos, newest first within each (a stable sort of the time order).
    rows: key === "relevance" ? rows.sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0)) : rows,
    prev: (backwards ? more : !!cursor) ? cursorOf(first) : null,
    next: (backwards ? !!cursor : more) ? cursorOf(last) : null,
  };
}

/** Rows by id that (still) match the view and filters — for live updates of an open queue. */
export async function queueRowsById(f: QueueParams, ctx: QueryContext, ids: string[]): Promise<QueueRow[]> {
  if (!ids.length) return [];
  const plan = await planOf(f);
  const match = plan ? Prisma.sql`AND ${searchMatchSql(plan, Prisma.sql`t`)}` : Prisma.empty;
  const raw = await db.$queryRaw<
    DbRow[]
  >`SELECT ${COLUMNS}${rankColumn(plan)} FROM ${FROM} WHERE ${whereClause(f, ctx)} AND t."id" = ANY(${ids}::uuid[]) ${match}`;
  return withMarks(
    plan,
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
