"use client";
// Admin → Users on the shared DataTable. The server orders the list (active first, then role and
// name); the cells that change a user are components of their own (components/admin/user-cells.tsx).
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/time/format";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns, dimInactive, type Translate } from "@/components/data-table/features";
import { ActiveCell, PasswordCell, RoleCell, StationCell, TwoFactorCell, type UserRow } from "./user-cells";

const col = dataTableColumns<UserRow>();

export function UsersTable({
  users,
  stations,
  selfId,
}: {
  users: UserRow[];
  stations: { id: string; name: string }[];
  selfId: string;
}) {
  const t = useTranslations("admin");
  const locale = useLocale();
  const columns = useMemo(() => userColumns(t, locale, stations, selfId), [t, locale, stations, selfId]);
  return (
    <DataTable
      caption={t("users.title")}
      columns={columns}
      data={users}
      getRowId={(u) => u.id}
      rowTestId={(u) => `user-${u.username}`}
      rowClassName={dimInactive}
      keyboard={false}
      emptyText={t("users.empty")}
      testId="users-table"
    />
  );
}

function userColumns(t: Translate, locale: string, stations: { id: string; name: string }[], selfId: string) {
  return [
    col.accessor("username", {
      header: () => t("users.username"),
      cell: (c) => <span className="font-mono">{c.getValue()}</span>,
    }),
    col.accessor("name", {
      header: () => t("users.name"),
      cell: (c) => (
        <>
          {c.getValue()}
          <span className="block text-xs text-slate-600">
            {t("users.lastSignIn")}:{" "}
            {c.row.original.lastSignInAt
              ? formatDateTime(c.row.original.lastSignInAt, locale, "date")
              : t("users.never")}
          </span>
        </>
      ),
    }),
    col.display({
      id: "role",
      header: () => t("users.role"),
      cell: (c) => <RoleCell user={c.row.original} self={c.row.original.id === selfId} />,
    }),
    col.display({
      id: "station",
      header: () => t("users.station"),
      cell: (c) => <StationCell user={c.row.original} stations={stations} />,
    }),
    col.display({
      id: "twoFactor",
      header: () => t("users.twoFactor"),
      cell: (c) => <TwoFactorCell user={c.row.original} />,
    }),
    col.display({
      id: "status",
      header: () => t("users.status"),
      cell: (c) => <ActiveCell user={c.row.original} self={c.row.original.id === selfId} />,
    }),
    col.display({
      id: "password",
      header: () => t("users.password"),
      cell: (c) => <PasswordCell user={c.row.original} />,
    }),
  ];
}
