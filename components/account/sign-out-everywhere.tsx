"use client";
import { useTranslations } from "next-intl";
import { signOutEverywhereAction } from "@/lib/auth/account-actions";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useAction } from "@/components/ui/use-action";
import { leaveFor } from "@/components/ui/leave-for";

export function SignOutEverywhere() {
  const t = useTranslations("account");
  const { pending, run } = useAction({ refresh: false });
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={pending || !hydrated}
      className="rounded border border-red-300 px-3 py-1.5 text-red-800 hover:bg-red-50 disabled:opacity-60"
      onClick={() =>
        run(
          () => signOutEverywhereAction(),
          () => leaveFor("/login?reason=signedOut"),
        )
      }
    >
      {t("signOutEverywhere")}
    </button>
  );
}
