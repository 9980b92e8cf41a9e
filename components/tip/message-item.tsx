import { getTranslations } from "next-intl/server";
import type { TipWorkspace } from "@/lib/tips/get-tip-workspace";
import { DeliveryTicks } from "./delivery-ticks";
import { AttachmentView } from "./attachment-view";
import { MarkedText } from "@/components/search/marked-text";
import { markMatches, type MatchKeys } from "@/lib/search/query";

type M = TipWorkspace["messages"][number];

function num(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

export async function MessageItem({
  m,
  tipRef,
  time,
  match,
}: {
  m: M;
  tipRef: string;
  time: string;
  match?: MatchKeys | null;
}) {
  const t = await getTranslations("tip");
  const out = m.direction === "OUTBOUND";
  const meta = m.meta ?? {};
  return (
    <article
      data-testid="message"
      data-direction={m.direction}
      data-kind={m.kind}
      data-id={m.id}
      className={`max-w-[85%] rounded-lg border p-3 text-sm shadow-sm ${out ? "ml-auto border-emerald-200 bg-emerald-50" : "border-slate-200 bg-white"}`}
    >
      <p className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <span className="font-medium text-slate-700">
          {out ? (m.sentBy?.name ?? t("autoReply")) : (m.alias ?? t("informant"))}
        </span>
        <time dateTime={m.sentAt.toISOString()}>{time}</time>
        {m.kind !== "TEXT" && <span className="rounded bg-slate-100 px-1">{t(`kind.${m.kind}`)}</span>}
        {out && typeof meta.template === "string" && (
          <span className="rounded bg-slate-100 px-1">{t("sentAsTemplate", { name: meta.template })}</span>
        )}
        {out && <DeliveryTicks status={m.deliveryStatus} error={m.deliveryError} />}
      </p>

      {m.kind === "LOCATION" && num(meta.latitude) !== null && num(meta.longitude) !== null ? (
        <Location
          lat={num(meta.latitude)!}
          lon={num(meta.longitude)!}
          label={m.body}
          linkText={t("openMap")}
          coordsLabel={t("coordinates")}
        />
      ) : m.kind === "CALL" ? (
        <p data-testid="call">
          {t(`call.${String(meta.status ?? "ringing")}`)}
          {num(meta.durationSec) !== null && <> · {t("duration", { seconds: Math.round(num(meta.durationSec)!) })}</>}
          {typeof meta.digits === "string" && meta.digits && <> · {t("digits", { digits: meta.digits })}</>}
          {(meta.unverified === "unknown" || meta.unverified === "unreachable") && (
            <span
              data-testid="call-unverified"
              className="mt-1 block rounded bg-amber-50 px-2 py-1 text-xs text-amber-900"
            >
              {t(`callUnverified.${meta.unverified}`)}
            </span>
          )}
        </p>
      ) : m.kind === "CONTACTS" ? (
        <div data-testid="contacts" className="rounded border border-slate-200 bg-slate-50 p-2">
          <p className="mb-1 text-xs font-semibold text-slate-600">{t("sharedContacts")}</p>
          <ul className="space-y-1">
            {(m.contacts ?? []).map((c, i) => (
              <li key={i}>
                <span className="font-medium">{c.name || t("none")}</span>
                {c.org && <span className="text-slate-500"> · {c.org}</span>}
                {c.phones.length > 0 && <span className="font-mono"> · {c.phones.join(", ")}</span>}
              </li>
            ))}
          </ul>
        </div>
      ) : m.kind === "REACTION" ? (
        <p>
          <span className="text-lg">{m.body || "∅"}</span>{" "}
          <span className="text-xs text-slate-500">{t("reaction")}</span>
        </p>
      ) : m.kind === "UNSUPPORTED" || m.kind === "ERROR" ? (
        <p className="italic text-slate-600">{t("unsupported", { reason: String(meta.reason ?? meta.type ?? "") })}</p>
      ) : (
        m.body && (
          <p className="whitespace-pre-wrap break-words" data-testid="message-body">
            <MarkedText text={m.body} marks={m.direction === "INBOUND" ? markMatches(m.body, match) : undefined} />
          </p>
        )
      )}
      <Changes meta={meta} edited={t("edited")} earlier={t("earlierVersions")} revoked={t("revoked")} />

      {m.attachments.length > 0 && (
        <div className="mt-2 space-y-2">
          {m.attachments.map((a) => (
            <AttachmentView key={a.id} a={a} tipRef={tipRef} kind={m.kind} />
          ))}
        </div>
      )}
    </article>
  );
}

/** An informant's edits (every earlier version kept) and deletion (the text kept for the record). */
function Changes({
  meta,
  edited,
  earlier,
  revoked,
}: {
  meta: Record<string, unknown>;
  edited: string;
  earlier: string;
  revoked: string;
}) {
  const history = Array.isArray(meta.history) ? (meta.history as { body?: unknown }[]) : [];
  return (
    <>
      {meta.revoked === true && (
        <p data-testid="message-revoked" className="mt-1 text-xs italic text-amber-800">
          {revoked}
        </p>
      )}
      {meta.edited === true && (
        <details data-testid="message-edited" className="mt-1 text-xs text-slate-600">
          <summary className="cursor-pointer">{edited}</summary>
          <p className="mt-1 font-medium">{earlier}</p>
          <ol className="list-decimal pl-5">
            {history.map((h, i) => (
              <li key={i} className="whitespace-pre-wrap break-words">
                {String(h.body ?? "")}
              </li>
            ))}
          </ol>
        </details>
      )}
    </>
  );
}

function Location({
  lat,
  lon,
  label,
  linkText,
  coordsLabel,
}: {
  lat: number;
  lon: number;
  label: string;
  linkText: string;
  coordsLabel: string;
}) {
  // No embedded map: the CSP allows no remote frames or tiles, and a tile server would learn where the tip is about.
  const href = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  return (
    <div data-testid="location">
      {label && <p>{label}</p>}
      <p className="font-mono">
        {coordsLabel}: {lat.toFixed(6)}, {lon.toFixed(6)}
      </p>
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        className="text-brand-600 underline"
        data-testid="map-link"
      >
        {linkText}
      </a>
    </div>
  );
}
