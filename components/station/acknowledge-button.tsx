"use client";
import { useTranslations } from "next-intl";
import { acknowledgeRequestAction } from "@/lib/requests/actions";
import { ActionMessage } from "@/components/ui/action-message";
import { useAction } from "@/components/ui/use-action";

export function AcknowledgeButton({ id }: { id: string }) {
  const t = useTranslations("requests");
  const { pending, result, run } = useAction();
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => acknowledgeRequestAction(id))}
        className="w-full rounded-lg bg-brand-600 px-4 py-3 text-base font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {t("acknowledge")}
      </button>
      <ActionMessage state={result} success={t("acknowledged")} />
    </div>
  );
}
