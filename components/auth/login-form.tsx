"use client";
// Two steps in one form: username and password, then (for an account with a second factor) the code
// from the authenticator app or a recovery code. The password stays in this component's state so the
// second request carries both; the server checks both again and throttles the code like the password.
import { useEffect, useRef, useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { adoptUserLocale } from "@/lib/i18n/set-locale";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { useHydrated } from "@/components/ui/use-hydrated";

type Step = "password" | "code";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const [step, setStep] = useState<Step>("password");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const credentials = useRef({ username: "", password: "" });
  const codeInput = useRef<HTMLInputElement>(null);
  const hydrated = useHydrated();
  useEffect(() => {
    if (step === "code") codeInput.current?.focus();
  }, [step]);

  function message(code: string | undefined): string {
    const locked = /^locked:(\d+)$/.exec(code ?? "");
    if (locked) return t("locked", { minutes: Number(locked[1]) });
    if (code === "codeRequired") return t("codeRequired");
    if (code === "codeWrong") return t("codeWrong");
    return t("wrongCredentials");
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    if (step === "password")
      credentials.current = {
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
      };
    const code = step === "code" ? String(form.get("code") ?? "") : undefined;
    const res = await signIn("credentials", { redirect: false, ...credentials.current, ...(code ? { code } : {}) });
    if (!res || res.error) {
      if (res?.error === "codeRequired" && step === "password") setStep("code");
      else setError(message(res?.error ?? undefined));
      setBusy(false);
      return;
    }
    await adoptUserLocale();
    // A full navigation: router.push can replay a cached redirect to this page.
    window.location.assign(safeRedirect(callbackUrl, window.location.origin));
  }

  function restart() {
    credentials.current = { username: "", password: "" };
    setStep("password");
    setError(null);
  }

  return (
    // method="post": a submit before hydration never puts the password in the address bar.
    <form onSubmit={onSubmit} method="post" className="space-y-3" noValidate data-step={step}>
      {/* Keys: the code field must be a new element, never the password field's DOM node (and its text) reused. */}
      {step === "password" ? (
        <div key="password-step" className="space-y-3">
          <label className="block text-sm font-medium">
            {t("username")}
            <input
              name="username"
              autoComplete="username"
              required
              autoFocus
              className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
            />
          </label>
          <label className="block text-sm font-medium">
            {t("password")}
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
            />
          </label>
        </div>
      ) : (
        <div key="code-step" className="space-y-3">
          <p className="text-sm text-slate-700" id="code-hint">
            {t("codeHint")}
          </p>
          <label className="block text-sm font-medium">
            {t("code")}
            <input
              ref={codeInput}
              name="code"
              required
              autoComplete="one-time-code"
              inputMode="text"
              spellCheck={false}
              maxLength={20}
              aria-describedby="code-hint"
              className="mt-1 w-full rounded border border-slate-300 px-3 py-2 font-mono text-lg tracking-widest"
            />
          </label>
        </div>
      )}
      {error && (
        <p role="alert" data-testid="login-error" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy || !hydrated}
        className="w-full rounded bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {busy ? t("signingIn") : step === "code" ? t("verify") : t("signIn")}
      </button>
      {step === "code" && (
        <button type="button" onClick={restart} className="w-full text-center text-sm text-brand-700 underline">
          {t("back")}
        </button>
      )}
    </form>
  );
}
