import { getTranslations, getLocale } from "next-intl/server";
import type { TipWorkspace } from "@/lib/tips/get-tip-workspace";
import { formatDateTime } from "@/lib/time/format";

/** This tip's rows of the hash-chained audit trail: who viewed, downloaded, replied or changed what. */
export async function HistoryPanel({ history }: { history: TipWorkspace["history"] }) {
  const t = await getTranslations("tip");
  const locale = await getLocale();
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="history-panel">
      <summary className="cursor-pointer font-semibold">{t("historyTitle", { count: history.length })}</summary>
      {/* Scrolls when long: focusable so keyboard users can scroll it (WCAG 2.1.1). */}
      <ol
        className="mt-2 max-h-96 space-y-1 overflow-y-auto text-xs"
        tabIndex={0}
        aria-label={t("historyTitle", { count: history.length })}
      >
        {history.map((h) => (
          <li key={h.id} className="flex gap-2" data-testid="audit-row" data-action={h.action}>
            <time className="shrink-0 text-slate-500" dateTime={h.at.toISOString()}>
              {formatDateTime(h.at, locale, "short")}
            </time>
            <span className="flex-1">
              <span className="font-medium">{h.actorName ?? t("system")}</span> ·{" "}
              {t.has(`audit.${h.action.replace(/\./g, "_")}`) ? t(`audit.${h.action.replace(/\./g, "_")}`) : h.action}
            </span>
            <span className="font-mono text-slate-500" title={h.hash}>
              #{h.id}
            </span>
          </li>
        ))}
      </ol>
      <p className="mt-2 text-xs text-slate-500">{t("historyHint")}</p>
    </details>
  );
}
