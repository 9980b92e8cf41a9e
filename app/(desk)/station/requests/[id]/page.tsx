import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getStationRequest } from "@/lib/requests/read-requests";
import { formatDateTime } from "@/lib/time/format";
import { RequestStateBadge } from "@/components/requests/state-badge";
import { ReportList } from "@/components/requests/report-list";
import { AcknowledgeButton } from "@/components/station/acknowledge-button";
import { ReportForm } from "@/components/station/report-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("requests"))("stationTitle") };
}

/** One request on a phone: the approved brief and its cleaned images — never the informant's words or voice, nor the alias unless an admin allowed it for the station (ADR 0606). */
export default async function StationRequestPage(props: PageProps<"/station/requests/[id]">) {
  const actor = await requirePage("station:read");
  const { id } = await props.params;
  const r = await getStationRequest(actor, id);
  if (!r) notFound();
  const [t, tt, locale] = await Promise.all([getTranslations("requests"), getTranslations("tip"), getLocale()]);
  const act = can(actor.role, "station:act");
  const open = r.state !== "CLOSED";
  const fields = (["what", "where", "when", "whoNamed", "instructions"] as const).filter((f) => r[f]);
  return (
    <main className="mx-auto max-w-screen-sm space-y-4 p-3" data-testid="station-request" data-state={r.state}>
      <Link href="/station" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <div>
        <h1 className="text-xl font-semibold">{t("requestTitle", { ref: r.tip.ref })}</h1>
        <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          <span
            className={`rounded px-1.5 text-xs font-semibold ${r.priority === "URGENT" ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-800"}`}
          >
            {tt(`priorityName.${r.priority}`)}
          </span>
          <RequestStateBadge state={r.state} />
          <span>{locale === "hi" ? (r.station.nameHi ?? r.station.name) : r.station.name}</span>
        </div>
        <p className="mt-1 text-sm text-slate-700">{t("dueAt", { at: formatDateTime(r.dueAt, locale, "short") })}</p>
        {r.alias && (
          <p className="mt-1 text-sm text-slate-700">
            {tt("informant")}{" "}
            <span className="font-mono font-semibold" data-testid="station-alias">
              {r.alias}
            </span>
          </p>
        )}
      </div>
      <dl className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" data-testid="station-brief">
        {fields.map((f) => (
          <div key={f}>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t(f)}</dt>
            <dd className="whitespace-pre-wrap text-base">{r[f]}</dd>
          </div>
        ))}
      </dl>
      {r.media.length > 0 && (
        <section aria-labelledby="images-title">
          <h2 id="images-title" className="text-sm font-semibold">
            {t("images")}
          </h2>
          <div className="mt-1 grid grid-cols-2 gap-2">
            {r.media.map((m, i) => (
              // eslint-disable-next-line @next/next/no-img-element -- a private, per-session media route
              <img
                key={m.attachmentId}
                src={`/api/station/requests/${r.id}/media/${m.attachmentId}`}
                alt={t("image", { n: i + 1 })}
                data-testid="brief-photo"
                className="w-full rounded border border-slate-200 object-cover"
              />
            ))}
          </div>
        </section>
      )}
      <ReportList requestId={r.id} reports={r.reports} />
      {act && (r.state === "APPROVED" || r.state === "SENT") && <AcknowledgeButton id={r.id} />}
      {act && open && <ReportForm id={r.id} />}
    </main>
  );
}
