import { getLocale, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { pageTitle } from "@/lib/i18n/page-title";
import { gazetteerSource } from "@/lib/entities/current-gazetteer";
import { formatDateTime } from "@/lib/time/format";
import { GazetteerUpload } from "@/components/gazetteer/gazetteer-upload";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("admin", "gazetteer.title");

/** Admin → Gazetteer (ADR 0704): the places in use and where they came from; upload a replacement CSV. */
export default async function GazetteerPage() {
  await requirePage("admin:settings");
  const [source, t, locale] = await Promise.all([gazetteerSource(), getTranslations("admin"), getLocale()]);
  return (
    <main className="mx-auto max-w-screen-lg space-y-4 p-4">
      <h1 className="text-xl font-semibold">{t("gazetteer.title")}</h1>
      <p className="text-sm text-slate-700">{t("gazetteer.intro")}</p>
      <p className="text-sm" data-testid="gazetteer-source" data-kind={source.kind}>
        {source.kind === "upload"
          ? t("gazetteer.sourceUpload", {
              at: formatDateTime(source.at, locale, "long"),
              sha: source.sha256.slice(0, 12),
            })
          : t("gazetteer.sourceFile", { file: source.path.split("/").pop() ?? "" })}
      </p>
      <GazetteerUpload />
      <section aria-labelledby="gazetteer-places-title">
        <h2 id="gazetteer-places-title" className="mb-2 font-semibold">
          {t("gazetteer.placesTitle", { count: source.places.length })}
        </h2>
        <table className="w-full text-left text-sm" data-testid="gazetteer-table">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-1 pr-2">
                {t("gazetteer.col.kind")}
              </th>
              <th scope="col" className="py-1 pr-2">
                {t("gazetteer.col.nameEn")}
              </th>
              <th scope="col" className="py-1 pr-2">
                {t("gazetteer.col.nameHi")}
              </th>
              <th scope="col" className="py-1">
                {t("gazetteer.col.aliases")}
              </th>
            </tr>
          </thead>
          <tbody>
            {source.places.map((p) => (
              <tr key={p.nameEn} className="border-b border-slate-100" data-testid="gazetteer-row" data-name={p.nameEn}>
                <td className="py-1 pr-2">{t(`gazetteer.kind.${p.kind}`)}</td>
                <td className="py-1 pr-2">{p.nameEn}</td>
                <td className="py-1 pr-2" lang="hi">
                  {p.nameHi}
                </td>
                <td className="py-1">{p.aliases.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
