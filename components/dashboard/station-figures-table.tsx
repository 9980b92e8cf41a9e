import { getTranslations } from "next-intl/server";
import type { StationFigure } from "@/lib/dashboard/station-figures";
import { formatDuration } from "./format";

const KINDS = ["ACTION_TAKEN", "FIR_REGISTERED", "ARREST", "RECOVERY", "NOT_FOUND"] as const;

/**
 * The SP Crime's view of stations (ADR 0610) as a plain table — on the dashboard and in the printed
 * daily report: requests released in the range, acknowledged and reported with the mean time to
 * each, outcomes, and those overdue now (which ignores the range).
 */
export async function StationFiguresTable({ rows, names }: { rows: StationFigure[]; names: Map<string, string> }) {
  const t = await getTranslations("dashboard");
  const th = "border-b border-slate-300 px-2 py-1 font-medium";
  const num = "px-2 py-1 text-right tabular-nums";
  return (
    <section className="print:break-inside-avoid" aria-labelledby="station-figures-heading">
      <h2 id="station-figures-heading" className="mb-1 text-sm font-semibold">
        {t("stations.title")}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="station-figures-empty">
          {t("stations.empty")}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="station-figures">
            <caption className="sr-only">{t("stations.title")}</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  {t("stations.station")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("stations.released")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("stations.acked")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("stations.ackMean")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("stations.reported")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("stations.reportMean")}
                </th>
                {KINDS.map((k) => (
                  <th key={k} scope="col" className={`${th} text-right`}>
                    {t(`stations.kind.${k}`)}
                  </th>
                ))}
                <th scope="col" className={`${th} text-right`}>
                  {t("stations.overdueNow")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.stationId} className="odd:bg-slate-50" data-testid="station-figure-row">
                  <th scope="row" className="px-2 py-1 font-normal">
                    {names.get(r.stationId) ?? r.stationId}
                  </th>
                  <td className={num}>{r.released}</td>
                  <td className={num}>{r.acked}</td>
                  <td className={num}>{formatDuration(r.ackMinutes === null ? null : r.ackMinutes * 60, t)}</td>
                  <td className={num}>{r.reported}</td>
                  <td className={num}>{formatDuration(r.reportMinutes === null ? null : r.reportMinutes * 60, t)}</td>
                  {KINDS.map((k) => (
                    <td key={k} className={num}>
                      {r.outcomes[k]}
                    </td>
                  ))}
                  <td className={`${num} ${r.overdueNow ? "font-semibold text-red-700" : ""}`}>{r.overdueNow}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-1 text-xs text-slate-500">{t("stations.note")}</p>
    </section>
  );
}
