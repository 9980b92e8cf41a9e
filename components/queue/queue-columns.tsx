"use client";
// The queue's columns for the shared DataTable. Column ids that are also server sort keys
// (received, priority, lastActivity, ref) are sortable; the rest are not.
import Link from "next/link";
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { dataTableColumns } from "@/components/data-table/features";
import type { QueueRow } from "@/lib/queue/list-queue";
import type { SlaTargets } from "@/lib/sla/targets";
import { SlaTimer } from "@/components/sla/sla-timer";
import { slaLabels } from "@/components/sla/sla-labels";
import { dateFormat } from "@/lib/time/format";
import { cachedText } from "./cell-text";
import { MarkedText } from "@/components/search/marked-text";
import { GradeCell } from "@/components/grading/grade-cell";

const col = dataTableColumns<QueueRow>();

/** A tip's page; from a search, with the query, so the page highlights what matched. */
export const tipHref = (ref: string, q?: string) => `/tips/${ref}${q ? `?q=${encodeURIComponent(q)}` : ""}`;

const PRIORITY_STYLE = {
  URGENT: "bg-red-600 text-white",
  HIGH: "bg-orange-100 text-orange-800",
  NORMAL: "bg-slate-100 text-slate-700",
  LOW: "bg-slate-50 text-slate-500",
} as const;

export function useQueueColumns(opts: {
  targets: SlaTargets;
  serverNow: number;
  onClaim: (row: QueueRow) => void;
  claiming: string | null;
  q?: string;
}) {
  const t = useTranslations("queue");
  const tSla = useTranslations("sla");
  const tGrade = useTranslations("grading");
  const locale = useLocale();
  const { targets, serverNow, onClaim, claiming, q } = opts;
  return useMemo(() => {
    // Per-row text from one lookup per render (ADR 0303); `t` stays for headers and messages with arguments.
    const label = cachedText((key: string) => t(key));
    const sla = slaLabels(
      cachedText((key: string) => tSla(key)),
      true,
    );
    const media = cachedText((count: number) => t("mediaCount", { count }));
    const grade = cachedText((key: string) =>
      key.startsWith("suggestedCell:") ? tGrade("suggestedCell", { grade: key.slice(14) }) : tGrade(key),
    );
    const dates = dateFormat(locale, "cell");
    const when = (iso: string) => dates.format(Date.parse(iso));
    return col.columns([
      col.accessor("ref", {
        id: "ref",
        header: () => t("col.ref"),
        cell: (c) => (
          <span className="flex items-center gap-1 whitespace-nowrap">
            <Link
              href={tipHref(c.row.original.ref, q)}
              className="font-mono text-brand-700 underline-offset-2 hover:underline"
              tabIndex={-1}
            >
              {c.getValue()}
            </Link>
            {c.row.original.flagged && (
              <span title={label("flaggedHelp")} className="rounded bg-slate-700 px-1 text-[10px] uppercase text-white">
                {label("flagged")}
              </span>
            )}
          </span>
        ),
      }),
      col.accessor("receivedAt", {
        id: "received",
        header: () => t("col.received"),
        cell: (c) => (
          <time dateTime={c.getValue()} className="whitespace-nowrap">
            {when(c.getValue())}
          </time>
        ),
      }),
      col.accessor("channel", {
        id: "channel",
        header: () => t("col.channel"),
        enableSorting: false,
        cell: (c) => label(`channel.${c.getValue()}`),
      }),
      col.accessor("preview", {
        id: "preview",
        header: () => t("col.preview"),
        enableSorting: false,
        cell: (c) => (
          <span className="line-clamp-2 max-w-xs break-words" lang="">
            {c.getValue() ? (
              <MarkedText text={c.getValue()} marks={c.row.original.marks} />
            ) : (
              <span className="text-slate-500">{label("noText")}</span>
            )}
          </span>
        ),
      }),
      col.accessor("mediaCount", {
        id: "media",
        header: () => t("col.media"),
        enableSorting: false,
        cell: (c) =>
          c.getValue() ? (
            <span aria-label={media(c.getValue())} className="inline-flex items-center gap-0.5">
              {/* An SVG paperclip: the bundled fonts have no emoji glyphs. */}
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="h-3.5 w-3.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d="M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48" />
              </svg>
              {c.getValue()}
            </span>
          ) : (
            ""
          ),
      }),
      col.accessor("category", {
        id: "category",
        header: () => t("col.category"),
        enableSorting: false,
        cell: (c) => label(`category.${c.getValue()}`),
      }),
      col.accessor("priority", {
        id: "priority",
        header: () => t("col.priority"),
        cell: (c) => (
          <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${PRIORITY_STYLE[c.getValue()]}`}>
            {label(`priority.${c.getValue()}`)}
          </span>
        ),
      }),
      col.display({
        id: "station",
        header: () => t("col.station"),
        cell: (c) =>
          (locale === "hi"
            ? c.row.original.stationNameHi || c.row.original.stationName
            : c.row.original.stationName) ?? <span className="text-slate-500">—</span>,
      }),
      col.accessor("status", {
        id: "status",
        header: () => t("col.status"),
        enableSorting: false,
        cell: (c) => <span className="whitespace-nowrap">{label(`status.${c.getValue()}`)}</span>,
      }),
      col.display({
        id: "assignee",
        header: () => t("col.assignee"),
        cell: (c) => {
          const r = c.row.original;
          if (r.assigneeName) return <span data-testid="assignee">{r.assigneeName}</span>;
          if (r.status === "CLOSED" || r.status === "MERGED") return <span className="text-slate-500">—</span>;
          return (
            <button
              type="button"
              data-testid="claim"
              disabled={claiming === r.id}
              onClick={() => onClaim(r)}
              className="rounded bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
            >
              {label("claim")}
            </button>
          );
        },
      }),
      col.display({
        id: "grade",
        header: () => tGrade("col"),
        cell: (c) => <GradeCell row={c.row.original} label={grade} />,
      }),
      col.display({
        id: "sla",
        header: () => t("col.sla"),
        cell: (c) => <SlaTimer tip={c.row.original} targets={targets} serverNow={serverNow} labels={sla} />,
      }),
      col.accessor("lastActivityAt", {
        id: "lastActivity",
        header: () => t("col.lastActivity"),
        cell: (c) => (
          <time dateTime={c.getValue()} className="whitespace-nowrap">
            {when(c.getValue())}
          </time>
        ),
      }),
    ]);
  }, [t, tSla, tGrade, locale, targets, serverNow, onClaim, claiming, q]);
}
