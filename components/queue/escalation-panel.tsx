"use client";
// The queue's escalations (ADR 0609): urgent tips nobody has claimed (the sound repeats until one
// is claimed) and the desk's overdue-requests view, both kept current by the queue's live updates.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { QueueEscalations } from "@/lib/queue/escalations";
import { formatDateTime } from "@/lib/time/format";
import { useEscalationAlerts } from "./use-escalation-alerts";

export function EscalationPanel({
  escalations,
  onClaim,
}: {
  escalations: QueueEscalations;
  onClaim: (tipId: string) => void;
}) {
  const t = useTranslations("queue.escalation");
  const locale = useLocale();
  const { plays } = useEscalationAlerts(escalations);
  return (
    <div data-testid="escalations" data-plays={plays} className="space-y-2">
      {escalations.unclaimed.length > 0 && (
        <section
          aria-labelledby="unclaimed-heading"
          data-testid="unclaimed-alert"
          className="rounded border border-red-400 bg-red-50 p-2 text-sm text-red-950"
        >
          <h2 id="unclaimed-heading" className="font-semibold">
            {t("unclaimed", { count: escalations.unclaimed.length })}
          </h2>
          <ul className="mt-1 flex flex-wrap gap-2">
            {escalations.unclaimed.map((u) => (
              <li key={u.id} className="flex items-center gap-1" data-testid="unclaimed-tip" data-ref={u.ref}>
                <Link href={`/tips/${u.ref}`} className="font-mono text-brand-700 underline">
                  {u.ref}
                </Link>
                {u.stage >= 2 && <span className="text-xs">{t("paged")}</span>}
                <button
                  type="button"
                  onClick={() => onClaim(u.id)}
                  className="rounded border border-red-400 bg-white px-2 text-xs"
                  data-testid="unclaimed-claim"
                >
                  {t("claim", { ref: u.ref })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {escalations.overdue.length > 0 && (
        <section
          aria-labelledby="overdue-heading"
          data-testid="overdue-requests"
          className="rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950"
        >
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="overdue-heading" className="font-semibold">
              {t("overdue", { count: escalations.overdue.length })}
            </h2>
            <Link href="/station?view=overdue" className="text-brand-700 underline">
              {t("overdueAll")}
            </Link>
          </div>
          <ul className="mt-1 space-y-0.5">
            {escalations.overdue.map((r) => (
              <li key={r.id} data-testid="overdue-request" data-ref={r.ref}>
                <Link href={`/station/requests/${r.id}`} className="font-mono text-brand-700 underline">
                  {r.ref}
                </Link>{" "}
                {t("overdueLine", {
                  station: r.station,
                  due: formatDateTime(new Date(r.dueAt), locale, "clock"),
                  state: t(`state.${r.state}`),
                  stage: r.stage,
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
