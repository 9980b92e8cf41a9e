"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { VIEWS, type QueueParams, type View } from "@/lib/queue/params";
import type { ViewCounts } from "@/lib/queue/count-views";

/** The view tabs with their counts; switching view keeps the filters but starts at page one. */
export function ViewTabs({
  params,
  counts,
  hrefWith,
}: {
  params: QueueParams;
  counts: ViewCounts;
  hrefWith: (c: Record<string, string | null>) => string;
}) {
  const t = useTranslations("queue");
  return (
    <nav aria-label={t("views")} className="flex flex-wrap gap-1 border-b border-slate-200">
      {VIEWS.map((v: View) => {
        const active = params.view === v;
        return (
          <Link
            key={v}
            data-testid={`view-${v}`}
            aria-current={active ? "page" : undefined}
            href={hrefWith({ view: v === "unassigned" ? null : v, after: null, before: null, sort: null, dir: null })}
            className={`-mb-px rounded-t border px-3 py-1.5 text-sm ${active ? "border-slate-200 border-b-white bg-white font-semibold text-brand-900" : "border-transparent text-slate-600 hover:text-brand-700"} ${v === "breaching" && counts.breaching ? "text-red-700" : ""}`}
          >
            {t(`view.${v}`)}
            {v in counts && (
              <span
                data-testid={`count-${v}`}
                className="ml-1.5 rounded-full bg-slate-100 px-1.5 text-xs tabular-nums text-slate-700"
              >
                {counts[v as keyof ViewCounts]}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
