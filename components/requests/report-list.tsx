import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/time/format";
import type { StationRequest } from "@/lib/requests/read-requests";

/** What the station reported, in order: kind, FIR number, arrests, seizure, details, field photos. */
export async function ReportList({ requestId, reports }: { requestId: string; reports: StationRequest["reports"] }) {
  const t = await getTranslations("requests");
  const locale = await getLocale();
  if (!reports.length) return null;
  // Field photos numbered across the reports (for their alt text).
  const firstPhoto = reports.map((_, i) => reports.slice(0, i).reduce((n, r) => n + r.photos.length, 0));
  return (
    <div>
      <h3 className="text-sm font-semibold">{t("reports")}</h3>
      <ul className="mt-1 space-y-2 text-sm" data-testid="report-list">
        {reports.map((r, ri) => (
          <li key={r.id} data-testid="report" data-kind={r.kind} className="rounded border border-slate-200 p-2">
            <p className="font-medium">
              {t(`reportKind.${r.kind}`)} ·{" "}
              <span className="font-normal text-slate-600">
                {r.author.name} · {formatDateTime(r.createdAt, locale, "short")}
              </span>
            </p>
            {r.firNumber && (
              <p>
                {t("firNumber")}: <span data-testid="fir-number">{r.firNumber}</span>
              </p>
            )}
            {r.arrests !== null && (
              <p>
                {t("arrests")}: {r.arrests}
              </p>
            )}
            {r.seizedWhat && (
              <p>
                {t("seized")}: {r.seizedWhat}
                {r.seizedQty ? ` (${r.seizedQty})` : ""}
              </p>
            )}
            {r.details && <p className="whitespace-pre-wrap">{r.details}</p>}
            {r.photos.length > 0 && (
              <div className="mt-1 flex flex-wrap gap-2">
                {r.photos.map((p, pi) => {
                  const photo = firstPhoto[ri] + pi + 1;
                  return (
                    <a
                      key={p.id}
                      href={`/api/station/requests/${requestId}/photos/${p.id}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-session media route */}
                      <img
                        src={`/api/station/requests/${requestId}/photos/${p.id}`}
                        alt={t("photo", { n: photo })}
                        data-testid="field-photo"
                        className="h-20 w-20 rounded object-cover"
                      />
                    </a>
                  );
                })}
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
