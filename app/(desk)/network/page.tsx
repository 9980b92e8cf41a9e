import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { pageTitle } from "@/lib/i18n/page-title";
import { auditNow } from "@/lib/audit";
import { parseEntityParam, tipNetwork, CAPS, type Centre } from "@/lib/connections/network";
import { NetworkGraph } from "@/components/network/network-graph";
import { NetworkTable } from "@/components/network/network-table";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("network", "title");

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The network of tips and entities around one tip or one entity, two hops, capped (ADR 0703). */
export default async function NetworkPage(props: PageProps<"/network">) {
  const actor = await requirePage("tip:read");
  const search = await props.searchParams;
  const t = await getTranslations("network");
  const tk = await getTranslations("tip");
  const tipRef = one(search.tip);
  const entity = parseEntityParam(one(search.entity) ?? "");
  const centre: Centre | null = tipRef ? { tip: tipRef } : entity;
  if (!centre)
    return (
      <main className="mx-auto max-w-screen-lg p-4">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p role="alert" className="mt-2 text-sm text-red-700" data-testid="network-invalid">
          {t("invalid")}
        </p>
      </main>
    );
  // A tip outside the viewer's station is "not found", like the tip page.
  const net = await tipNetwork(actor, centre).catch(() => notFound());
  await auditNow({
    actorId: actor.id,
    actorRole: actor.role,
    action: "network.view",
    targetType: "tip" in centre ? "tip" : "entity",
    targetId: "tip" in centre ? net.tips[0].id : null,
    tipId: "tip" in centre ? net.tips[0].id : null,
    detail: "tip" in centre ? { ref: centre.tip } : { kind: centre.kind, value: centre.value },
    ip: actor.ip,
  });
  const heading =
    "tip" in centre
      ? t("aroundTip", { ref: centre.tip })
      : t("aroundEntity", { kind: tk(`entityKind.${centre.kind}`), value: centre.value });
  return (
    <main className="mx-auto max-w-screen-xl space-y-4 p-4" data-testid="network-page">
      <h1 className="text-xl font-semibold">{heading}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {net.capped && (
        <p
          role="status"
          className="rounded border border-amber-300 bg-amber-50 p-2 text-sm"
          data-testid="network-capped"
        >
          {t("capped", { tips: CAPS.tips, entities: CAPS.entities, perEntity: CAPS.tipsPerEntity })}
        </p>
      )}
      {net.tips.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="network-empty">
          {t("empty")}
        </p>
      ) : (
        <>
          <NetworkGraph net={net} />
          <section aria-labelledby="network-table-title" className="rounded-lg border border-slate-200 bg-white p-3">
            <h2 id="network-table-title" className="mb-2 font-semibold">
              {t("tableTitle", { tips: net.tips.length, entities: net.entities.length })}
            </h2>
            <NetworkTable net={net} />
          </section>
        </>
      )}
    </main>
  );
}
