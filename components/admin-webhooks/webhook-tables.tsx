"use client";
// Admin → Webhooks: failed media fetches and recent provider events on the shared DataTable, in
// the server's order (newest first). Times arrive formatted by the server (one clock).
import Link from "next/link";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns, type Translate } from "@/components/data-table/features";
import { RetryButton } from "./retry-button";
import { STATUS_STYLE } from "./status-style";

type Provider = "META" | "TWILIO" | "EXOTEL";
type Status = "PROCESSED" | "IGNORED" | "FAILED";
export type FailedMediaRow = {
  id: string;
  time: string;
  ref: string;
  provider: Provider;
  mime: string;
  attempts: number;
  error: string | null;
};
export type WebhookEventRow = {
  id: string;
  time: string;
  provider: Provider;
  kind: string;
  status: Status;
  error: string | null;
  repairs: number;
};

const media = dataTableColumns<FailedMediaRow>();
const events = dataTableColumns<WebhookEventRow>();

export function FailedMediaTable({ rows }: { rows: FailedMediaRow[] }) {
  const t = useTranslations("adminWebhooks");
  const columns = useMemo(() => mediaColumns(t), [t]);
  return (
    <DataTable
      caption={t("media.title")}
      columns={columns}
      data={rows}
      getRowId={(r) => r.id}
      rowTestId={(r) => `failed-media-${r.id}`}
      keyboard={false}
      emptyText={t("media.none")}
      testId="failed-media"
    />
  );
}

export function WebhookEventsTable({ rows }: { rows: WebhookEventRow[] }) {
  const t = useTranslations("adminWebhooks");
  const columns = useMemo(() => eventColumns(t), [t]);
  return (
    <DataTable
      caption={t("events.title")}
      columns={columns}
      data={rows}
      getRowId={(r) => r.id}
      keyboard={false}
      emptyText={t("events.none")}
      testId="webhook-events"
    />
  );
}

function mediaColumns(t: Translate) {
  return [
    media.accessor("time", {
      header: () => t("columns.time"),
      cell: (c) => <span className="whitespace-nowrap tabular-nums">{c.getValue()}</span>,
    }),
    media.accessor("ref", {
      header: () => t("columns.tip"),
      cell: (c) => (
        <Link className="text-brand-700 underline" href={`/tips/${c.getValue()}`}>
          {c.getValue()}
        </Link>
      ),
    }),
    media.accessor("provider", { header: () => t("columns.provider"), cell: (c) => t(`provider.${c.getValue()}`) }),
    media.accessor("mime", { header: () => t("columns.type") }),
    media.accessor("attempts", {
      header: () => t("columns.attempts"),
      cell: (c) => <span className="tabular-nums">{c.getValue()}</span>,
    }),
    media.accessor("error", {
      header: () => t("columns.error"),
      cell: (c) => <span className="block max-w-md break-words text-red-800">{c.getValue()}</span>,
    }),
    media.display({
      id: "retry",
      header: () => <span className="sr-only">{t("media.retry")}</span>,
      cell: (c) => <RetryButton attachmentId={c.row.original.id} />,
    }),
  ];
}

function eventColumns(t: Translate) {
  return [
    events.accessor("time", {
      header: () => t("columns.time"),
      cell: (c) => <span className="whitespace-nowrap tabular-nums">{c.getValue()}</span>,
    }),
    events.accessor("provider", { header: () => t("columns.provider"), cell: (c) => t(`provider.${c.getValue()}`) }),
    events.accessor("kind", {
      header: () => t("columns.kind"),
      cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span>,
    }),
    events.accessor("status", {
      header: () => t("columns.status"),
      cell: (c) => (
        <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[c.getValue()]}`}>
          {t(`status.${c.getValue()}`)}
        </span>
      ),
    }),
    events.accessor("error", {
      header: () => t("columns.error"),
      cell: (c) => (
        <span className="block max-w-md break-words text-slate-700">
          {c.getValue() ?? ""}
          {c.row.original.repairs > 0 && (
            <span className="block text-xs text-amber-800">{t("repaired", { count: c.row.original.repairs })}</span>
          )}
        </span>
      ),
    }),
  ];
}
