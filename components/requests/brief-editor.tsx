"use client";
// The brief editor: the tip's own words on one side (for the desk officer only), the brief for the
// station on the other, and a live list of phrases that point at the informant (lib/requests/phrases.ts,
// the same check the server repeats when it saves).
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { draftRequestAction } from "@/lib/requests/actions";
import { informantPhrases } from "@/lib/requests/phrases";
import { ActionMessage } from "@/components/ui/action-message";
import { useAction } from "@/components/ui/use-action";
import { submitted } from "@/components/ui/submit-form";

type Props = {
  tipRef: string;
  /** Null when the viewer's station may not read it (ADR 0606): the server's check still uses it. */
  alias: string | null;
  texts: { id: string; body: string }[];
  images: { id: string; url: string }[];
  voiceCount: number;
  stations: { id: string; name: string }[];
  stationId: string | null;
  dueDefault: string;
  dueHours: number;
  priorityLabel: string;
  sendFirst: boolean;
};

const FIELDS = ["what", "where", "when", "whoNamed", "instructions"] as const;
type Field = (typeof FIELDS)[number];

export function BriefEditor(p: Props) {
  const t = useTranslations("requests");
  const router = useRouter();
  const { pending, result, run } = useAction({ refresh: false });
  const [brief, setBrief] = useState<Record<Field, string>>({
    what: "",
    where: "",
    when: "",
    whoNamed: "",
    instructions: "",
  });
  const [stationId, setStationId] = useState(p.stationId ?? "");
  const [due, setDue] = useState(p.dueDefault);
  const [media, setMedia] = useState<string[]>([]);
  const hits = useMemo(() => informantPhrases(FIELDS.map((f) => brief[f]).join("\n"), p.alias), [brief, p.alias]);
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5";

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-labelledby="tip-text-title" className="rounded-lg border border-slate-200 bg-slate-50 p-3">
        <h2 id="tip-text-title" className="mb-2 font-semibold">
          {t("tipText")}
        </h2>
        {p.texts.length === 0 && <p className="text-sm text-slate-600">{t("tipTextEmpty")}</p>}
        <ul className="space-y-2 text-sm" data-testid="tip-texts">
          {p.texts.map((m) => (
            <li key={m.id} className="whitespace-pre-wrap rounded bg-white p-2">
              {m.body}
            </li>
          ))}
        </ul>
        {p.voiceCount > 0 && (
          <p className="mt-3 text-sm text-slate-700">{t("voiceNotNever", { count: p.voiceCount })}</p>
        )}
      </section>
      <form
        aria-labelledby="brief-title"
        data-testid="brief-form"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-3"
        onSubmit={submitted(() =>
          run(
            () => draftRequestAction(p.tipRef, { ...brief, stationId, due, media }),
            (r) => {
              if (r.ok) router.push(`/tips/${p.tipRef}`);
            },
          ),
        )}
      >
        <h2 id="brief-title" className="font-semibold">
          {t("brief")}
        </h2>
        <label className="block text-sm">
          {t("station")}
          <select
            name="stationId"
            required
            value={stationId}
            onChange={(e) => setStationId(e.target.value)}
            className={input}
          >
            <option value="">—</option>
            {p.stations.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {FIELDS.map((f) => (
          <label key={f} className="block text-sm">
            {t(f)}
            <textarea
              name={f}
              rows={f === "what" || f === "instructions" ? 3 : 2}
              value={brief[f]}
              onChange={(e) => setBrief({ ...brief, [f]: e.target.value })}
              className={input}
            />
          </label>
        ))}
        <div role="status" aria-live="polite" data-testid="brief-warnings">
          {hits.length > 0 ? (
            <div className="rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950">
              <p className="font-semibold">{t("warningsTitle")}</p>
              <ul className="ml-4 list-disc">
                {hits.map((h, i) => (
                  <li key={i} data-testid="brief-warning" data-kind={h.kind}>
                    “{h.text}” — {t(`warning.${h.kind}`)}
                  </li>
                ))}
              </ul>
              <p className="mt-1">{t("warningsHint")}</p>
            </div>
          ) : (
            <p className="text-xs text-slate-600">{t("noWarnings")}</p>
          )}
        </div>
        <label className="block text-sm">
          {t("due")}
          <input
            type="datetime-local"
            name="due"
            value={due}
            onChange={(e) => setDue(e.target.value)}
            className={input}
          />
          <span className="text-xs text-slate-600">
            {t("dueHint", { priority: p.priorityLabel, hours: p.dueHours })}
          </span>
        </label>
        <fieldset className="text-sm">
          <legend>{t("media")}</legend>
          {p.images.length === 0 && <p className="text-slate-600">{t("mediaNone")}</p>}
          <div className="mt-1 flex flex-wrap gap-2">
            {p.images.map((img, i) => (
              <label key={img.id} className="flex items-center gap-2 rounded border border-slate-200 p-1">
                <input
                  type="checkbox"
                  checked={media.includes(img.id)}
                  onChange={(e) => setMedia(e.target.checked ? [...media, img.id] : media.filter((m) => m !== img.id))}
                  data-testid="brief-image"
                />
                {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-session media route */}
                <img src={img.url} alt={t("image", { n: i + 1 })} className="h-16 w-16 rounded object-cover" />
              </label>
            ))}
          </div>
        </fieldset>
        <p className="text-xs text-slate-600">
          {p.sendFirst ? t("approvalAfter", { priority: p.priorityLabel }) : t("approvalBefore")}
        </p>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {t("save")}
          </button>
          <a href={`/tips/${p.tipRef}`} className="text-sm text-brand-700 underline">
            {t("cancel")}
          </a>
        </div>
        <ActionMessage state={result} />
      </form>
    </div>
  );
}
