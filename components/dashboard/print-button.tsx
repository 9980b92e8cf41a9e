"use client";
import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("dashboard");
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
    >
      {t("actions.print")}
    </button>
  );
}
