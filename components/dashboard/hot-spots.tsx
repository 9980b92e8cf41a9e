import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { HotSpot, HotSpots } from "@/lib/dashboard/hot-spots";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { queueSearch } from "@/lib/queue/params";

/** The queue showing exactly the tips a hot spot counts: the entity, the range's days, the filters. */
export function hotSpotHref(
  h: Pick<HotSpot, "kind" | "value">,
  f: Pick<DashboardFilters, "fromDay" | "toDay" | "stationId" | "category">,
) {
  return `/queue?${queueSearch({
    view: "all",
    entity: `${h.kind}:${h.value}`,
    from: f.fromDay,
    to: f.toDay,
    ...(f.stationId ? { station: f.stationId } : {}),
    ...(f.category ? { category: f.category } : {}),
  })}`;
}

/** Places and entities named by the most tips in the range (ADR 0705), each a link to those tips. */
export async function HotSpotsSection({ hot, filters }: { hot: HotSpots; filters: DashboardFilters }) {
  const t = await getTranslations("dashboard.hotSpots");
  const tk = await getTranslations("tip");
  const list = (id: "places" | "entities", rows: HotSpot[]) => (
    <section
      aria-labelledby={`hot-${id}`}
      className="rounded-lg border border-slate-200 bg-white p-3"
      data-testid={`hot-${id}`}
    >
      <h3 id={`hot-${id}`} className="mb-2 font-semibold">
        {t(`${id}Title`)}
      </h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {rows.map((h) => (
            <li
              key={`${h.kind}:${h.value}`}
              className="flex items-baseline justify-between gap-2"
              data-testid="hot-spot"
              data-entity={`${h.kind}:${h.value}`}
            >
              <Link
                href={hotSpotHref(h, filters)}
                className="text-brand-700 underline"
                aria-label={t("linkLabel", { kind: tk(`entityKind.${h.kind}`), value: h.value, count: h.tips })}
              >
                <span className="mr-1 rounded bg-slate-100 px-1 text-xs text-slate-800">
                  {tk(`entityKind.${h.kind}`)}
                </span>
                <span className="font-mono" lang="">
                  {h.value}
                </span>
              </Link>
              <span className="tabular-nums text-slate-700" data-testid="hot-spot-tips">
                {t("tips", { count: h.tips })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
  return (
    <section aria-labelledby="hot-spots-title" className="space-y-2" data-testid="hot-spots">
      <h2 id="hot-spots-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div className="grid gap-3 md:grid-cols-2">
        {list("places", hot.places)}
        {list("entities", hot.entities)}
      </div>
    </section>
  );
}
