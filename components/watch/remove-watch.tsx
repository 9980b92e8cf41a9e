"use client";
import { useTranslations } from "next-intl";
import { removeWatchAction } from "@/lib/watch/actions";
import { useAction } from "@/components/ui/use-action";
import { ActionMessage } from "@/components/ui/action-message";

export function RemoveWatch({ id, label }: { id: string; label: string }) {
  const t = useTranslations("watch");
  const { pending, result, run } = useAction();
  return (
    <>
      <button
        type="button"
        aria-label={label}
        disabled={pending}
        onClick={() => run(() => removeWatchAction(id))}
        className="rounded border border-slate-300 px-2 text-xs hover:bg-slate-100"
        data-testid="watch-remove"
      >
        {t("removeShort")}
      </button>
      <ActionMessage state={result} />
    </>
  );
}
