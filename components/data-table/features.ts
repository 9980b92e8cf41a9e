// The shared DataTable's TanStack Table v9 feature set, registered once at module scope. Sorting
// and pagination are server-side (manual); selection is client state. Tables build their columns
// with `dataTableColumns<Row>()` so their types match.
import { createColumnHelper, rowSelectionFeature, rowSortingFeature, tableFeatures, type RowData } from "@tanstack/react-table";

export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowSelectionFeature });
export type DataTableFeatures = typeof dataTableFeatures;

export function dataTableColumns<Row extends RowData>() {
  return createColumnHelper<DataTableFeatures, Row>();
}
