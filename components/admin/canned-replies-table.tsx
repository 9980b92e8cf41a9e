"use client";
// Admin → Canned replies on the shared DataTable: title, both texts and state per row, and the
// edit form behind a disclosure in the row (a component of its own: cell templates call no hooks).
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns, dimInactive, type Translate } from "@/components/data-table/features";
import { CannedReplyForm, type CannedReply } from "./canned-reply-form";

const col = dataTableColumns<CannedReply>();

export function CannedRepliesTable({ replies }: { replies: CannedReply[] }) {
  const t = useTranslations("adminCanned");
  const columns = useMemo(() => cannedColumns(t), [t]);
  return (
    <DataTable
      caption={t("title")}
      columns={columns}
      data={replies}
      getRowId={(r) => r.id}
      rowClassName={dimInactive}
      keyboard={false}
      emptyText={t("empty")}
      testId="canned-list"
    />
  );
}

function cannedColumns(t: Translate) {
  return [
    col.accessor("title", {
      header: () => t("titleLabel"),
      cell: (c) => <span className="font-medium">{c.getValue()}</span>,
    }),
    col.accessor("bodyEn", {
      header: () => t("bodyEn"),
      cell: (c) => (
        <span lang="en" className="whitespace-pre-wrap">
          {c.getValue()}
        </span>
      ),
    }),
    col.accessor("bodyHi", {
      header: () => t("bodyHi"),
      cell: (c) => (
        <span lang="hi" className="whitespace-pre-wrap">
          {c.getValue()}
        </span>
      ),
    }),
    col.accessor("active", { header: () => t("state"), cell: (c) => (c.getValue() ? t("active") : t("inactive")) }),
    col.display({
      id: "edit",
      header: () => <span className="sr-only">{t("edit")}</span>,
      cell: (c) => (
        <details>
          <summary className="cursor-pointer text-brand-700 underline">{t("edit")}</summary>
          <div className="mt-2 w-[28rem] max-w-[80vw]">
            <CannedReplyForm reply={c.row.original} />
          </div>
        </details>
      ),
    }),
  ];
}
