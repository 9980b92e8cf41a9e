"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignOutButton() {
  const t = useTranslations("common");
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={!hydrated}
      onClick={() => signOut({ callbackUrl: "/login?reason=signedOut" })}
      className="w-full rounded px-2 py-1 text-left hover:bg-slate-100"
    >
      {t("signOut")}
    </button>
  );
}
