"use client";
import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { signOutEverywhereAction } from "@/app/(desk)/account/actions";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignOutEverywhere() {
  const t = useTranslations("account");
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  return (
    <button type="button" disabled={pending || !hydrated} className="rounded border border-red-300 px-3 py-1.5 text-red-800 hover:bg-red-50 disabled:opacity-60"
      onClick={() => start(async () => {
        await signOutEverywhereAction();
        window.location.assign("/login?reason=signedOut");
      })}>
      {t("signOutEverywhere")}
    </button>
  );
}
