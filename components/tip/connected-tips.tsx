import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ConnectedTip } from "@/lib/connections/connected-tips";
import { formatDateTime } from "@/lib/time/format";

/** Other tips sharing an entity, a place or a watch item with this one: what they share and when. */
export async function ConnectedTips({ tips }: { tips: ConnectedTip[] }) {
  const t = await getTranslations("tip");
  const locale = await getLocale();
  return (
    <section
      aria-label={t("connectedTitle")}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
      data-testid="connected-tips"
    >
      <h2 className="font-semibold">{t("connectedTitle")}</h2>
      {tips.length === 0 ? (
        <p className="text-slate-600">{t("connectedNone")}</p>
      ) : (
        <ul className="space-y-2">
          {tips.map((c) => (
            <li key={c.ref} data-testid="connected-tip" data-ref={c.ref}>
              <Link href={`/tips/${c.ref}`} className="font-mono text-brand-700 underline">
                {c.ref}
              </Link>{" "}
              <span className="text-xs text-slate-600">
                <time dateTime={c.receivedAt.toISOString()}>{formatDateTime(c.receivedAt, locale, "short")}</time> ·{" "}
                {t(`statusName.${c.status}`)}
              </span>
              <div className="flex flex-wrap gap-1 pt-0.5">
                {c.shared.map((s) => (
                  <span
                    key={`${s.kind}:${s.value}`}
                    className="rounded bg-slate-100 px-1 text-xs"
                    data-testid="connected-shared"
                  >
                    {s.kind === "watch" ? t("connectedWatch") : t(`entityKind.${s.kind}`)}:{" "}
                    <span className="font-mono" lang="">
                      {s.value}
                    </span>
                  </span>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
