import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listTipRequests } from "@/lib/requests/read-requests";
import { formatDateTime } from "@/lib/time/format";
import { renderNow } from "@/lib/time/now";
import { RequestStateBadge } from "./state-badge";
import { RequestButtons } from "./request-buttons";
import { ReportList } from "./report-list";
import { ACTION_KINDS } from "@/lib/requests/tell-informant";

/** The tip page's action requests: each one's state, brief, notifications and the station's reports. */
export async function RequestsPanel({
  actor,
  tipId,
  tipRef,
  open,
}: {
  actor: Actor;
  tipId: string;
  tipRef: string;
  open: boolean;
}) {
  const [t, locale, requests] = await Promise.all([
    getTranslations("requests"),
    getLocale(),
    listTipRequests(actor, tipId),
  ]);
  const now = renderNow();
  return (
    <section
      aria-labelledby="requests-title"
      className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
      data-testid="requests-panel"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id="requests-title" className="font-semibold">
          {t("panelTitle")}
        </h2>
        {open && can(actor.role, "request:draft") && (
          <Link
            href={`/tips/${tipRef}/requests/new`}
            className="rounded border border-brand-600 px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50"
            data-testid="draft-request"
          >
            {t("draftNew")}
          </Link>
        )}
      </div>
      {requests.length === 0 && <p className="mt-2 text-slate-600">{t("panelEmpty")}</p>}
      <ol className="mt-2 space-y-3">
        {requests.map((r) => {
          const overdue = r.dueAt.getTime() < now && ["APPROVED", "SENT", "ACKNOWLEDGED"].includes(r.state);
          return (
            <li
              key={r.id}
              className="space-y-1 rounded border border-slate-200 p-2"
              data-testid="request"
              data-id={r.id}
            >
              <div className="flex flex-wrap items-center gap-2">
                <RequestStateBadge state={r.state} />
                <span className="font-medium">
                  {locale === "hi" ? (r.station.nameHi ?? r.station.name) : r.station.name}
                </span>
                {r.releasedAt && !r.approvedAt && (
                  <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t("reviewPending")}</span>
                )}
                {overdue && (
                  <span className="rounded bg-red-100 px-1.5 text-xs font-semibold text-red-800">{t("overdue")}</span>
                )}
                {r.escalatedStage > 0 && (
                  <span className="rounded bg-red-100 px-1.5 text-xs text-red-800" data-testid="escalated">
                    {t("escalated", { stage: r.escalatedStage })}
                  </span>
                )}
              </div>
              <p className="text-xs text-slate-600">
                {t("dueAt", { at: formatDateTime(r.dueAt, locale, "short") })} ·{" "}
                {t("draftedBy", { name: r.draftedBy.name })}
                {r.approvedBy ? ` · ${t("approvedBy", { name: r.approvedBy.name })}` : ""} ·{" "}
                {t("mediaCount", { count: r._count.media })}
              </p>
              <p className="whitespace-pre-wrap">{r.what}</p>
              {r.releasedAt && (
                <div className="text-xs" data-testid="notifications">
                  <span className="font-medium">{t("notifications")}: </span>
                  {r.notifications.length === 0 ? (
                    <span>{t("notifyNone")}</span>
                  ) : (
                    r.notifications.map((n) => (
                      <span
                        key={n.id}
                        data-testid="notification"
                        data-state={n.state}
                        className={`mr-2 ${n.state === "FAILED" ? "text-red-700" : ""}`}
                      >
                        {n.contact.name}: {t(`notifyState.${n.state}`)}
                        {n.state !== "SENT" && n.attempts > 0
                          ? ` (${t("notifyAttempts", { count: n.attempts })}${n.error ? `: ${n.error}` : ""})`
                          : ""}
                      </span>
                    ))
                  )}
                </div>
              )}
              <ReportList requestId={r.id} reports={r.reports} />
              <RequestButtons
                id={r.id}
                canApprove={can(actor.role, "request:approve") && !r.approvedAt && r.state !== "CLOSED"}
                canClose={can(actor.role, "request:draft") && r.state === "REPORTED"}
                canTell={
                  can(actor.role, "tip:reply") &&
                  !r.informantToldAt &&
                  (r.state === "REPORTED" || r.state === "CLOSED") &&
                  r.reports.some((x) => ACTION_KINDS.includes(x.kind))
                }
              />
              {r.informantToldAt && (
                <p className="text-xs text-emerald-800" data-testid="informant-told">
                  {t("informantTold", { at: formatDateTime(r.informantToldAt, locale, "short") })}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
