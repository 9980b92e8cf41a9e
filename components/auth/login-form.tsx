"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { adoptUserLocale } from "@/lib/i18n/set-locale";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", { redirect: false, username: form.get("username"), password: form.get("password") });
    if (!res || res.error) {
      setError(res?.error === "locked" ? t("locked") : t("wrongCredentials"));
      setBusy(false);
      return;
    }
    await adoptUserLocale();
    // A full navigation: router.push can replay a cached redirect to this page.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <label className="block text-sm font-medium">
        {t("username")}
        <input name="username" autoComplete="username" required className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </label>
      <label className="block text-sm font-medium">
        {t("password")}
        <input name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </label>
      {error && (
        <p role="alert" data-testid="login-error" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="w-full rounded bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {busy ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
