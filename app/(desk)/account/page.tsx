import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/time/format";
import { requirePage } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { TotpEnrolment } from "@/components/account/totp-enrolment";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("account", "title");

export default async function AccountPage() {
  const actor = await requirePage("account:self", { enrolment: true });
  const t = await getTranslations("account");
  const locale = await getLocale();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
  return (
    <main className="mx-auto max-w-2xl space-y-6 p-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      {actor.mustEnrol && (
        <p role="status" data-testid="must-enrol" className="rounded bg-amber-50 p-3 text-sm text-amber-900">
          {t("mustEnrol")}
        </p>
      )}
      <section aria-labelledby="two-factor" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="two-factor" className="font-semibold">
          {t("twoFactor")}
        </h2>
        <TotpEnrolment enabledSince={user.totpEnabledAt ? formatDateTime(user.totpEnabledAt, locale, "long") : null} />
      </section>
      <section aria-labelledby="sessions" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sessions" className="font-semibold">
          {t("sessions")}
        </h2>
        <p className="text-sm text-slate-600">{t("sessionsBody")}</p>
        <SignOutEverywhere />
      </section>
    </main>
  );
}
