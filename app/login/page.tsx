import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { getLocale } from "next-intl/server";
import { optionalActor } from "@/lib/auth/guard";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/env";
import { z } from "zod";

const params = z.object({ callbackUrl: z.string().optional(), reason: z.enum(["idle", "signedOut"]).optional() });

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl, reason } = params.catch({}).parse(await searchParams);
  // Only same-origin paths, judged as a URL (ADR 0016): never bounce a signed-in officer to another host.
  const target = safeRedirect(callbackUrl, env().PUBLIC_BASE_URL);
  // The same check the pages make (active, current session version), so a disabled user's cookie
  // shows this form instead of bouncing between here and "/".
  if (await optionalActor()) redirect(target);
  const t = await getTranslations("auth");
  const tc = await getTranslations("common");
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="mb-4 flex items-start justify-between gap-2">
          <div>
            <h1 className="text-xl font-semibold text-brand-900">{tc("appName")}</h1>
            <p className="text-sm text-slate-600">{tc("tagline")}</p>
          </div>
          <LocaleSwitch current={await getLocale()} />
        </div>
        {reason && (
          <p role="status" className="mb-3 rounded bg-amber-50 p-2 text-sm text-amber-900">
            {reason === "idle" ? t("idleSignedOut") : t("signedOut")}
          </p>
        )}
        <LoginForm callbackUrl={target} />
      </div>
    </main>
  );
}
