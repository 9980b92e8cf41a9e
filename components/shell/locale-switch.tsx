"use client";
import { useTranslations } from "next-intl";
import { setLocale } from "@/lib/i18n/set-locale";
import { LOCALES } from "@/lib/i18n/locales";
import { useAction } from "@/components/ui/use-action";

export function LocaleSwitch({ current }: { current: string }) {
  const t = useTranslations("common");
  const { pending, run } = useAction();
  return (
    <div
      role="group"
      aria-label={t("language")}
      className="flex overflow-hidden rounded border border-slate-300 text-xs"
    >
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={current === l}
          disabled={pending}
          onClick={() => run(() => setLocale(l))}
          className={`px-2 py-1 ${current === l ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-100"}`}
        >
          {t(`localeName.${l}`)}
        </button>
      ))}
    </div>
  );
}
