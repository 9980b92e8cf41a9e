"use client";
// The officers' figures in the shared DataTable. The list is one row per active officer (tens),
// so the server sorts it whole; the sort lives in the URL under its own keys (osort/odir).
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/features";
import type { OfficerRow } from "@/lib/dashboard/officers";
import { OFFICER_URL_KEYS, type OfficerSort } from "@/lib/dashboard/officer-sort";
import { formatDuration } from "./format";

const col = dataTableColumns<OfficerRow>();

export function OfficersTable({ rows, sort }: { rows: OfficerRow[]; sort: OfficerSort }) {
  const t = useTranslations("dashboard");
  const columns = useMemo(() => {
    const num = "block text-right tabular-nums";
    return [
      col.accessor("name", {
        id: "name",
        header: () => t("officers.name"),
        cell: (c) => <span className="whitespace-nowrap">{c.getValue()}</span>,
      }),
      col.accessor("claimed", {
        id: "claimed",
        header: () => t("officers.claimed"),
        cell: (c) => <span className={num}>{c.getValue()}</span>,
      }),
      col.accessor("closed", {
        id: "closed",
        header: () => t("officers.closed"),
        cell: (c) => <span className={num}>{c.getValue()}</span>,
      }),
      col.accessor("firstResponseMedian", {
        id: "firstResponseMedian",
        header: () => t("officers.frMedian"),
        cell: (c) => <span className={num}>{formatDuration(c.getValue(), t)}</span>,
      }),
      col.accessor("openNow", {
        id: "openNow",
        header: () => t("officers.openNow"),
        cell: (c) => <span className={num}>{c.getValue()}</span>,
      }),
    ];
  }, [t]);
  return (
    <DataTable
      caption={t("officers.title")}
      columns={columns}
      data={rows}
      getRowId={(r) => r.id}
      sort={sort}
      urlKeys={OFFICER_URL_KEYS}
      emptyText={t("officers.empty")}
      testId="officers-table"
    />
  );
}
