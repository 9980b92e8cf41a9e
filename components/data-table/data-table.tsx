"use client";
// The one table component: TanStack Table v9 with server-side (manual) sorting and keyset
// pagination whose state lives in the URL, optional row selection, and keyboard use (j/k or
// arrows move between rows, Enter opens, Space selects, plus caller-defined single-key actions).
// Markup is a real <table> with aria-sort on sortable headers and aria-selected on rows. Lists
// that only show and edit (the admin pages) pass `keyboard={false}` and columns without sorting.
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import {
  useTable,
  type Cell,
  type CellContext,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { cell_getContext } from "@tanstack/react-table/static-functions";
import { dataTableFeatures, type DataTableFeatures } from "./features";
import { DEFAULT_URL_KEYS, useUrlState, type UrlKeys } from "./url-state";

export type DataTableProps<Row extends RowData> = {
  caption: string;
  columns: ColumnDef<DataTableFeatures, Row, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  data: Row[];
  getRowId: (row: Row) => string;
  /** The sort in effect (from the URL, or the server's default); leave it out for a list the server orders itself (no sorting). */
  sort?: { id: string; desc: boolean } | null;
  /** Keyset cursors from the server; null when there is no such page. */
  page?: { prev: string | null; next: string | null };
  urlKeys?: UrlKeys;
  emptyText: string;
  selection?: { state: RowSelectionState; onChange: (next: RowSelectionState) => void; rowLabel: (row: Row) => string };
  onOpen?: (row: Row) => void;
  /** Single-key shortcuts on the active row, e.g. { c: claim }. */
  rowKeys?: Record<string, (row: Row) => void>;
  rowClassName?: (row: Row) => string;
  rowTestId?: (row: Row) => string;
  /** Row navigation keys (j/k, Enter, Space): on for work lists, off for lists of forms. */
  keyboard?: boolean;
  testId?: string;
};

const FORM_FIELD = /^(INPUT|SELECT|TEXTAREA|BUTTON|A|SUMMARY)$/;

export function DataTable<Row extends RowData>(props: DataTableProps<Row>) {
  const t = useTranslations("dataTable");
  const { setSort, pageHref } = useUrlState(props.urlKeys ?? DEFAULT_URL_KEYS);
  const sorting: SortingState = useMemo(() => (props.sort ? [props.sort] : []), [props.sort]);
  const keyboard = props.keyboard ?? true;
  const { selection, getRowId } = props;
  const rowSelection = selection?.state ?? EMPTY_SELECTION;

  const table = useTable({
    features: dataTableFeatures,
    columns: props.columns,
    data: props.data,
    getRowId,
    manualSorting: true,
    enableSorting: props.sort !== undefined,
    enableMultiSort: false,
    enableSortingRemoval: false,
    enableRowSelection: !!selection,
    state: { sorting, rowSelection },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      if (next[0]) setSort(next[0].id, next[0].desc);
    },
    onRowSelectionChange: (updater: Updater<RowSelectionState>) =>
      selection?.onChange(typeof updater === "function" ? updater(rowSelection) : updater),
  });

  // Roving focus: one row is "active" (tabIndex 0); the keys move it.
  const [activeId, setActiveId] = useState<string | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const rows = table.getRowModel().rows;
  const activeIndex = Math.max(
    0,
    rows.findIndex((r) => r.id === activeId),
  );

  const focusRow = useCallback((id: string) => {
    setActiveId(id);
    body.current?.querySelector<HTMLElement>(`tr[data-row-id="${CSS.escape(id)}"]`)?.focus();
  }, []);

  const onKey = useCallback(
    (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || !rows.length) return;
      const target = e.target as HTMLElement;
      const inRow = target.tagName === "TR" && body.current?.contains(target);
      if (!inRow && (FORM_FIELD.test(target.tagName) || target.isContentEditable)) return;
      const row = rows[activeIndex];
      const move = (d: number) => {
        e.preventDefault();
        // From outside the table, the first press lands on the active row itself.
        const next = inRow ? Math.min(rows.length - 1, Math.max(0, activeIndex + d)) : activeIndex;
        focusRow(rows[next].id);
      };
      if (e.key === "j" || (inRow && e.key === "ArrowDown")) return move(1);
      if (e.key === "k" || (inRow && e.key === "ArrowUp")) return move(-1);
      if (!inRow) return;
      if (e.key === "Enter" && props.onOpen) {
        e.preventDefault();
        props.onOpen(row.original);
      } else if (e.key === " " && selection) {
        e.preventDefault();
        row.toggleSelected();
      } else if (props.rowKeys?.[e.key]) {
        e.preventDefault();
        props.rowKeys[e.key](row.original);
      }
    },
    [rows, activeIndex, focusRow, props, selection],
  );

  // Row events are handled once on the <tbody> (the row is found from data-row-id) rather than by
  // closures on every row: a page of rows then renders no per-row handler (ADR 0303).
  const rowOf = (e: React.SyntheticEvent) => {
    const tr = (e.target as HTMLElement).closest?.("tr[data-row-id]");
    return tr?.parentElement === body.current
      ? rows.find((r) => r.id === (tr as HTMLElement).dataset.rowId)
      : undefined;
  };
  const onRowFocus = (e: React.FocusEvent) => {
    // Only the row itself taking focus makes it active, not a control inside it.
    if ((e.target as HTMLElement).tagName === "TR") {
      const row = rowOf(e);
      if (row) setActiveId(row.id);
    }
  };
  const onRowDoubleClick = (e: React.MouseEvent) => {
    const row = rowOf(e);
    if (row) props.onOpen?.(row.original);
  };
  const onRowCheckbox = (e: React.MouseEvent) => {
    const box = e.target as HTMLInputElement;
    if (box.tagName !== "INPUT" || box.type !== "checkbox") return;
    rowOf(e)?.toggleSelected(box.checked);
  };

  useEffect(() => {
    if (!keyboard) return;
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onKey, keyboard]);

  const headerGroups = table.getHeaderGroups();
  const colCount = props.columns.length + (selection ? 1 : 0);

  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white" data-testid={props.testId}>
      {/* No aria-multiselectable: a <table> may not carry it (only grid, listbox, tree); each row's checkbox says it is selected. */}
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{keyboard ? `${props.caption}. ${t("keyboardHelp")}` : props.caption}</caption>
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
          {headerGroups.map((group) => (
            <tr key={group.id}>
              {selection && (
                <th scope="col" className="w-8 px-2 py-2">
                  <input
                    type="checkbox"
                    aria-label={t("selectAll")}
                    checked={table.getIsAllRowsSelected()}
                    ref={(el) => {
                      if (el) el.indeterminate = table.getIsSomeRowsSelected() && !table.getIsAllRowsSelected();
                    }}
                    onChange={table.getToggleAllRowsSelectedHandler()}
                  />
                </th>
              )}
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className="whitespace-nowrap px-2 py-2 font-semibold"
                    aria-sort={
                      canSort ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined
                    }
                  >
                    {header.isPlaceholder ? null : canSort ? (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 uppercase hover:text-brand-700"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody
          ref={body}
          className={BODY_STYLE}
          onFocus={onRowFocus}
          onDoubleClick={onRowDoubleClick}
          onClick={onRowCheckbox}
        >
          {rows.length === 0 && (
            <tr>
              <td colSpan={colCount} className="px-3 py-8 text-center text-slate-500">
                {props.emptyText}
              </td>
            </tr>
          )}
          {rows.map((row, i) => {
            const selected = row.getIsSelected();
            const extra = `${selected ? "bg-brand-50" : ""} ${props.rowClassName?.(row.original) ?? ""}`.trim();
            return (
              <tr
                key={row.id}
                data-row-id={row.id}
                data-testid={props.rowTestId?.(row.original)}
                tabIndex={keyboard ? (i === activeIndex ? 0 : -1) : undefined}
                aria-selected={selection ? selected : undefined}
                className={extra || undefined}
              >
                {selection && (
                  <td className="align-middle!">
                    <input
                      type="checkbox"
                      aria-label={selection.rowLabel(row.original)}
                      checked={selected}
                      onChange={NOOP}
                      tabIndex={-1}
                    />
                  </td>
                )}
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>{renderCell(cell)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {props.page && (props.page.prev || props.page.next) && (
        <nav
          aria-label={t("pagination")}
          className="flex justify-end gap-2 border-t border-slate-200 px-3 py-2 text-sm"
        >
          {props.page.prev ? (
            <Link
              className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100"
              href={pageHref("before", props.page.prev)}
              rel="prev"
            >
              {t("previous")}
            </Link>
          ) : (
            <span className="rounded border border-slate-200 px-3 py-1 text-slate-500" aria-disabled="true">
              {t("previous")}
            </span>
          )}
          {props.page.next ? (
            <Link
              className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100"
              href={pageHref("after", props.page.next)}
              rel="next"
            >
              {t("next")}
            </Link>
          ) : (
            <span className="rounded border border-slate-200 px-3 py-1 text-slate-500" aria-disabled="true">
              {t("next")}
            </span>
          )}
        </nav>
      )}
    </div>
  );
}

const EMPTY_SELECTION: RowSelectionState = {};
const NOOP = () => {};

/**
 * Row and cell styles set once on the <tbody> instead of a class attribute on every row and cell
 * (14 per queue row; ADR 0303). Scoped to data rows so the empty-state row keeps its own padding.
 */
const BODY_STYLE = [
  "[&>tr[data-row-id]]:border-t [&>tr[data-row-id]]:border-slate-100 [&>tr[data-row-id]]:outline-none",
  "[&>tr[data-row-id]:focus]:bg-brand-50 [&>tr[data-row-id]:focus]:ring-2 [&>tr[data-row-id]:focus]:ring-inset [&>tr[data-row-id]:focus]:ring-brand-600",
  "[&>tr[data-row-id]>td]:px-2 [&>tr[data-row-id]>td]:py-1.5 [&>tr[data-row-id]>td]:align-top",
].join(" ");

/**
 * A cell's content: the column's `cell` template called as a plain function with TanStack's cell
 * context. `<table.FlexRender cell>` renders each template as its own component and builds a
 * memoised context per cell on first use; on the server every render is a first use, and those
 * two were the largest part of a row's render (docs/decisions/0303). Templates therefore must not
 * call hooks: anything stateful goes in a component they return (e.g. `<SlaTimer />`).
 */
function renderCell<Row extends RowData>(cell: Cell<DataTableFeatures, Row, unknown>) {
  const template = cell.column.columnDef.cell;
  return typeof template === "function"
    ? template(cell_getContext(cell) as CellContext<DataTableFeatures, Row, unknown>)
    : template;
}
