"use client";
// The live queue: the server-rendered page, kept current by /api/live. Changed tips are refetched
// (scoped and filtered by the server, same URL parameters) and folded into the page; a reconnect
// refetches the whole page. New tips chime and badge the tab title.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { RowSelectionState } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { useUrlState } from "@/components/data-table/url-state";
import type { QueueData } from "@/lib/queue/load-queue";
import type { QueueRow } from "@/lib/queue/list-queue";
import type { ViewCounts } from "@/lib/queue/count-views";
import type { QueueParams } from "@/lib/queue/params";
import type { SlaTargets } from "@/lib/sla/targets";
import type { ActionResult } from "@/lib/errors";
import { claimTipAction } from "@/lib/queue/actions";
import { useAction } from "@/components/ui/use-action";
import { mergeRows, type PageState, type Sort } from "./merge-rows";
import { tipHref, useQueueColumns } from "./queue-columns";
import { argumentTemplate } from "./cell-text";
import { useLive } from "./use-live";
import { useAlerts } from "./use-alerts";
import { LiveIndicator } from "./live-indicator";
import { ViewTabs } from "./view-tabs";
import { FilterBar, type Option } from "./filter-bar";
import { BulkBar } from "./bulk-bar";
import { HandOverForm } from "./hand-over-form";
import { EscalationPanel } from "./escalation-panel";
import type { QueueEscalations } from "@/lib/queue/escalations";

type Props = {
  initial: QueueData;
  /** The live cursor the page rendered from (lib/live/bus.ts). */
  cursor: string;
  params: QueueParams;
  sort: Sort;
  targets: SlaTargets;
  serverNow: number;
  me: { id: string; canAssign: boolean; canHandover: boolean };
  stations: Option[];
  users: Option[];
};

type Message = { kind: "ok" | "error"; text: string; href?: string } | null;

export function QueueView(props: Props) {
  const t = useTranslations("queue");
  const te = useTranslations("errors");
  const router = useRouter();
  const { hrefWith } = useUrlState();
  const { params, sort } = props;

  // Server props are the truth after every navigation; live updates change the copy in between.
  const [seenInitial, setSeenInitial] = useState(props.initial);
  const [page, setPage] = useState<PageState>(props.initial);
  const [counts, setCounts] = useState<ViewCounts>(props.initial.counts);
  const [escalations, setEscalations] = useState<QueueEscalations>(props.initial.escalations);
  const [selection, setSelection] = useState<RowSelectionState>({});
  if (seenInitial !== props.initial) {
    setSeenInitial(props.initial);
    setPage(props.initial);
    setCounts(props.initial.counts);
    setEscalations(props.initial.escalations);
    setSelection({});
  }
  const [message, setMessage] = useState<Message>(null);
  const [claiming, setClaiming] = useState<string | null>(null);
  const claimRun = useAction({ refresh: false }).run;
  const alerts = useAlerts();

  const opts = useRef({ sort, size: params.size, firstPage: !params.after && !params.before });
  // Long-lived callbacks (live events) read the latest sort and page through this ref.
  useLayoutEffect(() => {
    opts.current = { sort, size: params.size, firstPage: !params.after && !params.before };
  });

  /** The current URL's parameters (never stale inside long-lived callbacks). */
  const search = () => new URLSearchParams(window.location.search);

  const refreshIds = useCallback(async (ids: string[]) => {
    const s = search();
    s.set("ids", ids.join(","));
    const res = await fetch(`/api/queue/rows?${s}`, { cache: "no-store" }).catch(() => null);
    if (!res?.ok) return;
    const body = (await res.json()) as { rows: QueueRow[]; counts: ViewCounts; escalations: QueueEscalations };
    setCounts(body.counts);
    setEscalations(body.escalations);
    setPage((p) => mergeRows(p, body.rows, ids, opts.current).page);
    setSelection((sel) => {
      const keep = Object.fromEntries(
        Object.entries(sel).filter(([id]) => !ids.includes(id) || body.rows.some((r) => r.id === id)),
      );
      return Object.keys(keep).length === Object.keys(sel).length ? sel : keep;
    });
  }, []);

  const refetchPage = useCallback(async () => {
    const res = await fetch(`/api/queue/rows?${search()}`, { cache: "no-store" }).catch(() => null);
    if (!res?.ok) return;
    const body = (await res.json()) as QueueData;
    setCounts(body.counts);
    setEscalations(body.escalations);
    setPage({ rows: body.rows, prev: body.prev, next: body.next });
  }, []);

  const status = useLive(
    {
      onChanged: (ids) => void refreshIds(ids),
      onCreated: (e) => alerts.announce(e.tipId, e.flagged),
      onWatch: (e) => alerts.watchHit(e.tipId, e.ref),
      onResync: () => void refetchPage(),
    },
    props.cursor,
  );

  const claim = useCallback(
    (row: Pick<QueueRow, "id"> | null) => {
      setClaiming(row?.id ?? "next");
      claimRun(
        () => claimTipAction(row?.id),
        (r) => {
          setClaiming(null);
          if (r.ok && r.data) {
            setMessage({ kind: "ok", text: t("claimed", { ref: r.data.ref }), href: `/tips/${r.data.ref}` });
            void refreshIds([r.data.id]);
          } else if (!r.ok) {
            const d = r.detail ?? {};
            const text =
              d.reason === "claimed"
                ? t("claimConflict", { ref: String(d.ref), assignee: String(d.assignee) })
                : d.reason === "closed"
                  ? t("claimClosed", { ref: String(d.ref) })
                  : d.reason === "empty"
                    ? t("nothingToClaim")
                    : te(r.code);
            setMessage({ kind: "error", text });
            if (row) void refreshIds([row.id]);
          }
        },
      );
    },
    [t, te, refreshIds, claimRun],
  );

  const afterBulk = useCallback(
    (r: ActionResult<{ updated: number; skipped: number }> | ActionResult<{ moved: number; skipped: number }>) => {
      if (r.ok && r.data) {
        const d = r.data as { updated?: number; moved?: number; skipped: number };
        setMessage({
          kind: "ok",
          text:
            d.moved !== undefined
              ? t("handover.done", { moved: d.moved, skipped: d.skipped })
              : t("bulk.done", { updated: d.updated ?? 0, skipped: d.skipped }),
        });
        setSelection({});
      } else if (!r.ok) setMessage({ kind: "error", text: te(r.code) });
      void refetchPage();
    },
    [t, te, refetchPage],
  );

  const columns = useQueueColumns({
    targets: props.targets,
    serverNow: props.serverNow,
    onClaim: claim,
    claiming,
    q: params.q,
  });
  const selectRowLabel = useMemo(() => argumentTemplate((ref) => t("selectRow", { ref })), [t]);
  const selectedIds = Object.keys(selection);

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), 10_000);
    return () => clearTimeout(timer);
  }, [message]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={() => claim(null)}
          disabled={claiming === "next"}
          data-testid="claim-next"
          className="rounded bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {t("claimNext")}
        </button>
        <LiveIndicator status={status} />
        <label className="flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            checked={alerts.sound}
            onChange={(e) => alerts.toggle("sound", e.target.checked)}
            data-testid="toggle-sound"
          />
          {t("alerts.sound")}
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            checked={alerts.badge}
            onChange={(e) => alerts.toggle("badge", e.target.checked)}
            data-testid="toggle-badge"
          />
          {t("alerts.badge")}
        </label>
        {alerts.unseen > 0 && (
          <span data-testid="unseen" className="rounded-full bg-red-600 px-2 text-xs font-semibold text-white">
            {t("alerts.unseen", { count: alerts.unseen })}
          </span>
        )}
      </div>
      <EscalationPanel escalations={escalations} onClaim={(id) => claim({ id })} />
      {alerts.watchHits.length > 0 && (
        <div
          role="alert"
          data-testid="watch-alert"
          className="flex flex-wrap items-center gap-2 rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950"
        >
          <span className="font-semibold">{t("watchAlert")}</span>
          {alerts.watchHits.map((h) => (
            <Link
              key={h.tipId}
              href={`/tips/${h.ref}`}
              className="font-mono text-brand-700 underline"
              data-testid="watch-alert-ref"
            >
              {h.ref}
            </Link>
          ))}
          <Link
            href={hrefWith({ view: "watched", after: null, before: null, sort: null, dir: null })}
            className="text-brand-700 underline"
          >
            {t("watchAlertView")}
          </Link>
          <button
            type="button"
            onClick={alerts.dismissWatch}
            className="ml-auto rounded border border-amber-400 px-2 text-xs"
          >
            {t("watchAlertDismiss")}
          </button>
        </div>
      )}
      <div aria-live="polite" className="min-h-6">
        {message && (
          <p
            role={message.kind === "error" ? "alert" : "status"}
            data-testid="queue-message"
            className={`text-sm ${message.kind === "error" ? "text-red-700" : "text-green-700"}`}
          >
            {message.text}
            {message.href && (
              <>
                {" "}
                <Link href={message.href} className="underline">
                  {t("open")}
                </Link>
              </>
            )}
          </p>
        )}
      </div>
      <ViewTabs params={params} counts={counts} hrefWith={hrefWith} />
      <FilterBar params={params} stations={props.stations} users={props.users} hrefWith={hrefWith} />
      {props.me.canHandover && <HandOverForm users={props.users} onDone={afterBulk} />}
      {selectedIds.length > 0 && (
        <BulkBar ids={selectedIds} canAssign={props.me.canAssign} users={props.users} onDone={afterBulk} />
      )}
      <DataTable
        caption={t(`view.${params.view}`)}
        testId="queue-table"
        columns={columns}
        data={page.rows}
        getRowId={(r) => r.id}
        sort={{ id: sort.key, desc: sort.desc }}
        page={{ prev: page.prev, next: page.next }}
        emptyText={t("empty")}
        selection={{ state: selection, onChange: setSelection, rowLabel: (r) => selectRowLabel(r.ref) }}
        onOpen={(r) => router.push(tipHref(r.ref, params.q))}
        rowKeys={{ c: (r) => !r.assigneeId && claim(r) }}
        rowClassName={(r) => (r.flagged ? "opacity-70" : r.sla.state === "breached" ? "bg-red-50/40" : "")}
      />
    </div>
  );
}
