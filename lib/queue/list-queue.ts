// The queue page's data: one page of rows for the URL's view, filters, search and sort, with keyset
// pagination (a cursor of the boundary row's sort values and id, compared as a row value so the
// index range starts at the cursor — no OFFSET, page 1,000 costs what page 1 costs).
import "server-only";
import { db } from "../db";
import { computeSla, type Sla } from "../sla/compute";
import type { Category, Channel, Priority, TipStatus } from "../generated/prisma/enums";
import { decodeCursor, encodeCursor } from "./cursor";
import { whereClause, type QueryContext } from "./conditions";
import { effectiveSort, type QueueParams, type SortKey } from "./params";
import { SqlParams } from "./sql";

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
  sla: Sla;
};

export type QueuePage = { rows: QueueRow[]; prev: string | null; next: string | null };

/** Sort keys as SQL expressions with the cast a cursor value needs; the id breaks ties. */
const SORT_SQL: Record<SortKey, [string, string][]> = {
  received: [[`t."receivedAt"`, "timestamptz"]],
  lastActivity: [[`t."lastActivityAt"`, "timestamptz"]],
  priority: [[`t."priority"`, `"Priority"`], [`t."receivedAt"`, "timestamptz"]],
  ref: [[`t."ref"`, "text"]],
  closed: [[`t."closedAt"`, "timestamptz"]],
};

const COLUMNS = `t."id", t."ref", t."receivedAt", t."channel", t."preview", t."mediaCount", t."category", t."priority",
  t."stationId", s."name" AS "stationName", s."nameHi" AS "stationNameHi", t."status", t."assigneeId", u."name" AS "assigneeName",
  t."firstResponseAt", t."closedAt", t."lastActivityAt", t."flagged"`;
const FROM = `"Tip" t LEFT JOIN "PoliceStation" s ON s."id" = t."stationId" LEFT JOIN "User" u ON u."id" = t."assigneeId"`;

type DbRow = Omit<QueueRow, "sla" | "receivedAt" | "firstResponseAt" | "closedAt" | "lastActivityAt"> & {
  receivedAt: Date;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  lastActivityAt: Date;
};

export async function listQueue(f: QueueParams, ctx: QueryContext): Promise<QueuePage> {
  const { key, desc } = effectiveSort(f);
  const keys = SORT_SQL[key];
  const backwards = !f.after && !!f.before;
  const cursor = decodeCursor(f.after ?? f.before, keys.length + 1);
  const p = new SqlParams();
  const where = [whereClause(f, ctx, p)];
  // Moving backwards walks the same index the other way, then the page is flipped back.
  const forwardDesc = backwards ? !desc : desc;
  if (cursor) {
    const lhs = [...keys.map(([expr]) => expr), `t."id"`].join(", ");
    const rhs = [...keys.map(([, cast], i) => `${p.add(cursor[i])}::${cast}`), `${p.add(cursor[keys.length])}::uuid`].join(", ");
    where.push(`(${lhs}) ${forwardDesc ? "<" : ">"} (${rhs})`);
  }
  const dir = forwardDesc ? "DESC" : "ASC";
  const order = [...keys.map(([expr]) => `${expr} ${dir}`), `t."id" ${dir}`].join(", ");
  const sql = `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${f.size + 1}`;
  const raw = await db.$queryRawUnsafe<DbRow[]>(sql, ...p.values);
  const more = raw.length > f.size;
  const page = raw.slice(0, f.size);
  if (backwards) page.reverse();
  const rows = page.map((r) => toQueueRow(r, ctx));
  const cursorOf = (r: DbRow | undefined) => (r ? encodeCursor([...keys.map(([expr]) => sortValue(r, expr)), r.id]) : null);
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
  const p = new SqlParams();
  const sql = `SELECT ${COLUMNS} FROM ${FROM} WHERE ${whereClause(f, ctx, p)} AND t."id" = ANY(${p.add(ids)}::uuid[])`;
  const raw = await db.$queryRawUnsafe<DbRow[]>(sql, ...p.values);
  return raw.map((r) => toQueueRow(r, ctx));
}

function sortValue(r: DbRow, expr: string): string | number {
  const col = expr.slice(3, -1) as keyof DbRow;
  const v = r[col];
  return v instanceof Date ? v.toISOString() : (v as string);
}

// pg already hands back Dates: format them without a copy (under `next start` every `new Date` goes
// through Next's instrumented constructor, a few microseconds each, four per row).
const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function toQueueRow(r: DbRow, ctx: QueryContext): QueueRow {
  const row = {
    ...r,
    mediaCount: Number(r.mediaCount),
    receivedAt: iso(r.receivedAt)!,
    firstResponseAt: iso(r.firstResponseAt),
    closedAt: iso(r.closedAt),
    lastActivityAt: iso(r.lastActivityAt)!,
  };
  return { ...row, sla: computeSla(row, ctx.targets, ctx.now.getTime()) };
}
