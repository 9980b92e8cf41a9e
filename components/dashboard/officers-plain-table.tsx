import { getTranslations } from "next-intl/server";
import type { OfficerRow } from "@/lib/dashboard/officers";
import { formatDuration } from "./format";

/** The officers' figures as a plain table, for the printed daily report. */
export async function OfficersPlainTable({ rows }: { rows: OfficerRow[] }) {
  const t = await getTranslations("dashboard");
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("officers.empty")}</p>;
  const th = "border-b border-slate-300 px-2 py-1 font-medium";
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">{t("officers.title")}</caption>
      <thead>
        <tr>
          <th scope="col" className={th}>
            {t("officers.name")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("officers.claimed")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("officers.closed")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("officers.frMedian")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("officers.openNow")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="odd:bg-slate-50">
            <th scope="row" className="px-2 py-1 font-normal">
              {r.name}
            </th>
            <td className="px-2 py-1 text-right tabular-nums">{r.claimed}</td>
            <td className="px-2 py-1 text-right tabular-nums">{r.closed}</td>
            <td className="px-2 py-1 text-right tabular-nums">{formatDuration(r.firstResponseMedian, t)}</td>
            <td className="px-2 py-1 text-right tabular-nums">{r.openNow}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
