import { getTranslations, getLocale } from "next-intl/server";
import type { TipWorkspace } from "@/lib/tips/get-tip-workspace";
import type { SlaTargets } from "@/lib/sla/targets";
import { SlaTimer } from "@/components/sla/sla-timer";
import { slaLabels } from "@/components/sla/sla-labels";
import { StatusBadge } from "./status-badge";
import { formatDateTime } from "@/lib/time/format";

/** `serverNow`: the instant the page was read at, so the timer's first render matches the server's. */
export async function TipHeader({
  ws,
  targets,
  serverNow,
}: {
  ws: TipWorkspace;
  targets: SlaTargets;
  serverNow: number;
}) {
  const t = await getTranslations("tip");
  const tSla = await getTranslations("sla");
  const locale = await getLocale();
  const { tip } = ws;
  const station = tip.station
    ? locale === "hi" && tip.station.nameHi
      ? tip.station.nameHi
      : tip.station.name
    : t("noStation");
  const fields: [string, React.ReactNode, string][] = [
    [t("priority"), t(`priorityName.${tip.priority}`), "tip-priority"],
    [t("category"), t(`categoryName.${tip.category}`), "tip-category"],
    [t("station"), station, "tip-station"],
    [t("assignee"), tip.assignee?.name ?? t("unassigned"), "tip-assignee"],
    [
      t("sla"),
      <SlaTimer key="sla" tip={slaInput(tip)} targets={targets} serverNow={serverNow} labels={slaLabels(tSla)} />,
      "tip-sla",
    ],
  ];
  return (
    <header className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-semibold" data-testid="tip-ref">
          {tip.ref}
        </h1>
        <StatusBadge status={tip.status} label={t(`statusName.${tip.status}`)} />
        {tip.flagged && (
          <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">{t("flagged")}</span>
        )}
        {tip.outcome && (
          <span className="rounded bg-slate-100 px-2 py-0.5 text-xs" data-testid="tip-outcome">
            {t(`outcomeName.${tip.outcome}`)}
          </span>
        )}
        <span className="ml-auto text-sm text-slate-600">
          {t("informant")}{" "}
          {tip.informant.alias === null ? (
            <span className="italic text-slate-700" data-testid="informant-alias-hidden">
              {t("aliasHidden")}
            </span>
          ) : (
            <span className="font-mono font-semibold text-slate-900" data-testid="informant-alias">
              {tip.informant.alias}
            </span>
          )}
          {tip.informant.blocked && (
            <span className="ml-2 rounded bg-red-600 px-1.5 py-0.5 text-xs text-white">{t("blocked")}</span>
          )}
          <span className="ml-2" data-testid="other-tips">
            {t("otherTips", { count: ws.otherTips })}
          </span>
        </span>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
        {fields.map(([label, value, id]) => (
          <div key={id}>
            <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
            <dd data-testid={id}>{value}</dd>
          </div>
        ))}
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500">{t("received")}</dt>
          <dd>
            <time dateTime={tip.receivedAt.toISOString()}>{formatDateTime(tip.receivedAt, locale, "long")}</time>
          </dd>
        </div>
      </dl>
      {tip.closingSummary && (
        <p className="mt-3 rounded bg-slate-50 p-2 text-sm" data-testid="closing-summary">
          <span className="font-medium">{t("closingSummary")}:</span> {tip.closingSummary}
        </p>
      )}
    </header>
  );
}

/** Only what the rule reads, as plain values for the client component. */
function slaInput(tip: TipWorkspace["tip"]) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    priority: tip.priority,
    receivedAt: tip.receivedAt.toISOString(),
    firstResponseAt: iso(tip.firstResponseAt),
    closedAt: iso(tip.closedAt),
  };
}
