"use client";
// Admin → Stations on the shared DataTable, in the server's order (active first, then by name).
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns, dimInactive, type Translate } from "@/components/data-table/features";
import { StationActiveCell, StationAliasCell, StationNamesCell, type StationRow } from "./station-cells";

const col = dataTableColumns<StationRow>();

export function StationsTable({ stations }: { stations: StationRow[] }) {
  const t = useTranslations("admin");
  const columns = useMemo(() => stationColumns(t), [t]);
  return (
    <DataTable
      caption={t("stations.title")}
      columns={columns}
      data={stations}
      getRowId={(s) => s.id}
      rowTestId={(s) => `station-${s.name}`}
      rowClassName={dimInactive}
      keyboard={false}
      emptyText={t("stations.empty")}
      testId="stations-table"
    />
  );
}

function stationColumns(t: Translate) {
  return [
    col.display({
      id: "names",
      header: () => `${t("stations.name")} / ${t("stations.nameHi")}`,
      cell: (c) => <StationNamesCell station={c.row.original} />,
    }),
    col.display({
      id: "counts",
      header: () => t("stations.usersTips"),
      cell: (c) => (
        <span className="tabular-nums">
          {c.row.original.users} / {c.row.original.tips}
        </span>
      ),
    }),
    col.display({
      id: "alias",
      header: () => t("stations.aliasColumn"),
      cell: (c) => <StationAliasCell station={c.row.original} />,
    }),
    col.display({
      id: "status",
      header: () => t("users.status"),
      cell: (c) => <StationActiveCell station={c.row.original} />,
    }),
  ];
}
