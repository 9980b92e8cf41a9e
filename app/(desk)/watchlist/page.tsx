import { getTranslations, getLocale } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listWatches } from "@/lib/watch/watch-items";
import { pageTitle } from "@/lib/i18n/page-title";
import { formatDateTime } from "@/lib/time/format";
import { WatchForm } from "@/components/watch/watch-form";
import { RemoveWatch } from "@/components/watch/remove-watch";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("watch", "title");

/** Watch items (ADR 0702): one's own, and the desk's shared ones; a new message that names one raises an alert. */
export default async function WatchlistPage() {
  const actor = await requirePage("watch:own");
  const [rows, t, locale] = await Promise.all([listWatches(actor), getTranslations("watch"), getLocale()]);
  const shares = can(actor.role, "watch:share");
  return (
    <main className="mx-auto max-w-screen-lg space-y-4 p-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{shares ? t("introShared") : t("introOwn")}</p>
      <WatchForm />
      <section aria-labelledby="watch-list-title">
        <h2 id="watch-list-title" className="mb-2 font-semibold">
          {t("listTitle", { count: rows.length })}
        </h2>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="watch-table">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-2">
                  {t("col.kind")}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t("col.value")}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t("col.owner")}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t("col.hits")}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t("col.added")}
                </th>
                <th scope="col" className="py-1">
                  <span className="sr-only">{t("col.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((w) => (
                <tr key={w.id} className="border-b border-slate-100" data-testid="watch-row" data-value={w.normalised}>
                  <td className="py-1 pr-2">
                    {w.kind === "ENTITY" && w.entityKind ? t(`entityKind.${w.entityKind}`) : t(`kind.${w.kind}`)}
                  </td>
                  <td className="py-1 pr-2">
                    <span lang="">{w.value}</span>
                    {w.normalised !== w.value && w.kind !== "PHRASE" && (
                      <span className="ml-1 font-mono text-xs text-slate-600">({w.normalised})</span>
                    )}
                  </td>
                  <td className="py-1 pr-2">{w.shared ? t("shared", { name: w.ownerName }) : t("own")}</td>
                  <td className="py-1 pr-2 tabular-nums">
                    {w.hits > 0 ? (
                      <a className="text-brand-700 underline" href="/queue?view=watched">
                        {w.hits}
                      </a>
                    ) : (
                      0
                    )}
                  </td>
                  <td className="py-1 pr-2">{formatDateTime(w.createdAt, locale, "short")}</td>
                  <td className="py-1">
                    {(w.mine || (w.shared && shares)) && (
                      <RemoveWatch id={w.id} label={t("remove", { value: w.value })} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
