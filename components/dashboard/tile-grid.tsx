import { getLocale, getTranslations } from "next-intl/server";
import type { Tiles } from "@/lib/dashboard/tiles";
import { formatCount, formatDuration, formatShare } from "./format";

type Tile = { key: string; label: string; value: string; hint?: string; tone?: "warn" | "good" };

/** The headline figures as a responsive grid of cards (2 across on a phone, 5 on a monitor). */
export async function TileGrid({ tiles }: { tiles: Tiles }) {
  const t = await getTranslations("dashboard");
  const locale = await getLocale();
  const none = t("tiles.noData");
  const d = (s: number | null) => formatDuration(s, t, none);
  const pct = (s: number | null) => formatShare(s, locale, none);
  const ofClosed = (n: number) =>
    t("tiles.ofClosed", { count: formatCount(n, locale), total: formatCount(tiles.closed, locale) });
  const items: Tile[] = [
    { key: "newTips", label: t("tiles.newTips"), value: formatCount(tiles.newTips, locale) },
    { key: "openNow", label: t("tiles.openNow"), value: formatCount(tiles.openNow, locale) },
    {
      key: "unassignedNow",
      label: t("tiles.unassignedNow"),
      value: formatCount(tiles.unassignedNow, locale),
      tone: tiles.unassignedNow > 0 ? "warn" : undefined,
    },
    { key: "frMedian", label: t("tiles.frMedian"), value: d(tiles.firstResponseMedian) },
    { key: "frP90", label: t("tiles.frP90"), value: d(tiles.firstResponseP90) },
    { key: "closeMedian", label: t("tiles.closeMedian"), value: d(tiles.closeMedian) },
    {
      key: "breachShare",
      label: t("tiles.breachShare"),
      value: pct(tiles.breachShare),
      tone: (tiles.breachShare ?? 0) > 0.1 ? "warn" : undefined,
      hint: t("tiles.ofNew", { count: formatCount(tiles.breached, locale), total: formatCount(tiles.newTips, locale) }),
    },
    {
      key: "actionedShare",
      label: t("tiles.actionedShare"),
      value: pct(tiles.actionedShare),
      hint: ofClosed(tiles.actioned),
    },
    { key: "firShare", label: t("tiles.firShare"), value: pct(tiles.firShare), hint: ofClosed(tiles.firRegistered) },
    {
      key: "arrestShare",
      label: t("tiles.arrestShare"),
      value: pct(tiles.arrestShare),
      hint: ofClosed(tiles.arrestMade),
    },
  ];
  return (
    <section aria-label={t("tiles.label")}>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 md:grid-cols-5 print:grid-cols-5">
        {items.map((i) => (
          <div
            key={i.key}
            data-testid={`tile-${i.key}`}
            className={`rounded-lg border bg-white p-3 shadow-sm print:shadow-none ${i.tone === "warn" ? "border-amber-400" : "border-slate-200"}`}
          >
            <dt className="text-xs leading-tight text-slate-600">{i.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid="tile-value">
              {i.value}
            </dd>
            {i.hint && <dd className="text-xs text-slate-500">{i.hint}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
