import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { requestSettings } from "@/lib/requests/settings";
import { RequestSettingsForm } from "@/components/admin/request-settings-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin", "requestRules.title");
export const dynamic = "force-dynamic";

/** Per-priority request rules (ADR 0608): default due time and whether a brief goes first and is reviewed after. */
export default async function RequestRulesPage() {
  await requirePage("admin:settings");
  const [t, settings] = await Promise.all([getTranslations("admin"), requestSettings()]);
  return (
    <main className="mx-auto max-w-screen-md space-y-4 p-4">
      <h1 className="text-xl font-semibold">{t("requestRules.title")}</h1>
      <p className="text-sm text-slate-700">{t("requestRules.intro")}</p>
      <RequestSettingsForm settings={settings} />
    </main>
  );
}
