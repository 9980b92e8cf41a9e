"use client";
// Admin → Duty contacts on the shared DataTable, in the server's order (active first, by station).
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns, dimInactive, type Translate } from "@/components/data-table/features";
import { ContactActiveCell, type ContactRow } from "./contact-cells";

const col = dataTableColumns<ContactRow>();

export function ContactsTable({ contacts }: { contacts: ContactRow[] }) {
  const t = useTranslations("admin");
  const columns = useMemo(() => contactColumns(t), [t]);
  return (
    <DataTable
      caption={t("contacts.title")}
      columns={columns}
      data={contacts}
      getRowId={(c) => c.id}
      rowTestId={(c) => `contact-${c.phone}`}
      rowClassName={dimInactive}
      keyboard={false}
      emptyText={t("contacts.empty")}
      testId="contacts-table"
    />
  );
}

function contactColumns(t: Translate) {
  return [
    col.accessor("station", { header: () => t("contacts.station") }),
    col.accessor("name", { header: () => t("contacts.name") }),
    col.display({
      id: "phone",
      header: () => t("contacts.phone"),
      cell: (c) => <span className="font-mono">+{c.row.original.phone}</span>,
    }),
    col.display({
      id: "channel",
      header: () => t("contacts.channel"),
      cell: (c) =>
        `${t(`contacts.channelName.${c.row.original.channel}`)} · ${t(`contacts.roleName.${c.row.original.role}`)}`,
    }),
    col.display({
      id: "status",
      header: () => t("contacts.status"),
      cell: (c) => <ContactActiveCell contact={c.row.original} />,
    }),
  ];
}
