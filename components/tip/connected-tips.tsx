import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ConnectedTip } from "@/lib/connections/connected-tips";
import { formatDateTime } from "@/lib/time/format";
import { networkHref } from "@/lib/connections/network";

/** Other tips sharing an entity, a place or a watch item with this one: what they share and when. */
export async function ConnectedTips({ tipRef, tips }: { tipRef: string; tips: ConnectedTip[] }) {
  const t = await getTranslations("tip");
  const locale = await getLocale();
  return (
    <section
      aria-label={t("connectedTitle")}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
      data-testid="connected-tips"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="font-semibold">{t("connectedTitle")}</h2>
        {tips.length > 0 && (
          <Link
            href={networkHref({ tip: tipRef })}
            className="text-xs text-brand-700 underline"
            aria-label={t("networkLinkLabel", { ref: tipRef })}
            data-testid="network-link"
          >
            {t("networkLink")}
          </Link>
        )}
      </div>
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
                    {s.kind === "watch" ? (
                      <span className="font-mono" lang="">
                        {s.value}
                      </span>
                    ) : (
                      <Link href={networkHref(s)} className="font-mono text-brand-700 underline" lang="">
                        {s.value}
                      </Link>
                    )}
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
