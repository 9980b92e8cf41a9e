import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { entityQueueHref, type EntityWithOthers } from "@/lib/entities/tips-mentioning";
import { networkHref } from "@/lib/connections/network";

/** Vehicles and third-party numbers in this tip, and the other tips that mention them. */
export async function EntitiesPanel({ entities }: { entities: EntityWithOthers[] }) {
  const t = await getTranslations("tip");
  return (
    <section
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
      aria-label={t("entitiesTitle")}
      data-testid="entities-panel"
    >
      <h2 className="font-semibold">{t("entitiesTitle")}</h2>
      {entities.length === 0 && <p className="text-slate-500">{t("noEntities")}</p>}
      <ul className="space-y-2">
        {entities.map((e) => (
          <li key={`${e.kind}:${e.value}`} data-testid="entity" data-kind={e.kind} data-value={e.value}>
            <span className="mr-1 rounded bg-slate-100 px-1 text-xs">{t(`entityKind.${e.kind}`)}</span>
            <span className="font-mono">{e.value}</span>
            {e.otherCount > 0 && (
              <Link
                href={networkHref(e)}
                className="ml-2 text-xs text-brand-700 underline"
                data-testid="entity-network-link"
              >
                {t("entityNetworkLink")}
              </Link>
            )}
            <div className="text-xs text-slate-600">
              {e.otherCount === 0 ? (
                t("noOtherTips")
              ) : (
                <>
                  <Link
                    href={entityQueueHref(e.kind, e.value)}
                    className="text-brand-600 underline"
                    data-testid="entity-queue-link"
                  >
                    {t("otherTipsMentioning", { count: e.otherCount })}
                  </Link>
                  {": "}
                  {e.others.map((o) => (
                    <Link
                      key={o.ref}
                      href={`/tips/${o.ref}`}
                      className="mr-2 font-mono text-brand-600 underline"
                      data-testid="entity-other-tip"
                    >
                      {o.ref}
                    </Link>
                  ))}
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-500">{t("entitiesHint")}</p>
    </section>
  );
}
