// The shared DataTable's TanStack Table v9 feature set, registered once at module scope. Sorting
// and pagination are server-side (manual); selection is client state. Tables build their columns
// with `dataTableColumns<Row>()` so their types match.
import type { useTranslations } from "next-intl";
import {
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type RowData,
} from "@tanstack/react-table";

export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowSelectionFeature });
export type DataTableFeatures = typeof dataTableFeatures;

export function dataTableColumns<Row extends RowData>() {
  return createColumnHelper<DataTableFeatures, Row>();
}

/** Row style of a list that keeps inactive entries (users, stations, canned replies): dimmed, still readable. */
export function dimInactive(row: { active: boolean }) {
  return row.active ? "" : "bg-slate-50 text-slate-600";
}

/** The translator column builders take (column definitions live outside components, built once per `t`). */
export type Translate = ReturnType<typeof useTranslations>;
