"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("common");
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login?reason=signedOut" })} className="w-full rounded px-2 py-1 text-left hover:bg-slate-100">
      {t("signOut")}
    </button>
  );
}
