"use client";
// The second-factor section: its state when on, else enrolment in three screens (a button, the QR
// code with the key as text and a code field, then the ten recovery codes, shown once). The codes
// stay on screen although confirming re-renders the page (the session cookie is re-issued).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { startEnrolmentAction, confirmEnrolmentAction } from "@/lib/auth/account-actions";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useAction } from "@/components/ui/use-action";
import { submitted } from "@/components/ui/submit-form";
import { leaveFor } from "@/components/ui/leave-for";

type State = { step: "idle" } | { step: "scan"; secret: string; qr: string } | { step: "codes"; codes: string[] };

export function TotpEnrolment({ enabledSince }: { enabledSince: string | null }) {
  const t = useTranslations("account");
  const te = useTranslations("errors");
  const [state, setState] = useState<State>({ step: "idle" });
  const [error, setError] = useState<string | null>(null);
  // No refresh: confirming re-issues the session cookie, and the codes must stay on screen.
  const { pending, run } = useAction({ refresh: false });
  const hydrated = useHydrated();

  if (state.step === "codes")
    return (
      <div className="space-y-3">
        <h3 className="font-semibold">{t("recoveryTitle")}</h3>
        <p className="text-sm">{t("recoveryBody")}</p>
        <ol className="grid grid-cols-2 gap-2 font-mono text-base sm:grid-cols-5">
          {state.codes.map((c) => (
            <li key={c} data-testid="recovery-code" className="rounded bg-slate-100 px-2 py-1 text-center">
              {c}
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
          onClick={() => leaveFor("/queue")}
        >
          {t("recoveryDone")}
        </button>
      </div>
    );

  if (enabledSince)
    return (
      <p data-testid="totp-status" data-state="on" className="text-sm">
        {t("enabledSince", { date: enabledSince })}
      </p>
    );

  if (state.step === "idle")
    return (
      <>
        <p data-testid="totp-status" data-state="off" className="text-sm text-slate-600">
          {t("off")}
        </p>
        <button
          type="button"
          disabled={pending || !hydrated}
          className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          onClick={() =>
            run(
              () => startEnrolmentAction(),
              (r) => {
                if (r.ok && r.data) setState({ step: "scan", ...r.data });
                else setError(te(r.ok ? "unavailable" : r.code));
              },
            )
          }
        >
          {t("setUp")}
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </>
    );

  return (
    <form
      className="space-y-3"
      onSubmit={submitted((form) => {
        const code = String(new FormData(form).get("code") ?? "");
        run(
          () => confirmEnrolmentAction(code),
          (r) => {
            if (r.ok && r.data) {
              setError(null);
              setState({ step: "codes", codes: r.data.codes });
            } else setError(!r.ok && r.code === "invalid" ? t("wrongCode") : te(r.ok ? "unavailable" : r.code));
          },
        );
      })}
    >
      <p className="text-sm">{t("scan")}</p>
      {/* A data: URL made on the server; next/image has nothing to optimise in it. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={state.qr}
        alt={t("qrAlt")}
        width={200}
        height={200}
        className="rounded border border-slate-200 bg-white"
        data-testid="totp-qr"
      />
      <p className="text-sm">
        {t("manual")}{" "}
        <code className="select-all break-all rounded bg-slate-100 px-1 font-mono" data-testid="totp-secret">
          {state.secret}
        </code>
      </p>
      <label className="block text-sm font-medium">
        {t("enterCode")}
        <input
          name="code"
          required
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9 ]{6,8}"
          maxLength={8}
          aria-label={t("code")}
          className="mt-1 block w-40 rounded border border-slate-300 px-3 py-2 font-mono text-lg tracking-widest"
        />
      </label>
      {error && (
        <p role="alert" data-testid="enrol-error" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        disabled={pending}
        className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {t("confirm")}
      </button>
    </form>
  );
}
