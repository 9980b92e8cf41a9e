"use client";
import { useTranslations } from "next-intl";
import { retryMediaFetchAction } from "@/lib/media/actions";
import { ActionMessage } from "../ui/action-message";
import { useAction } from "../ui/use-action";

export function RetryButton({ attachmentId }: { attachmentId: string }) {
  const t = useTranslations("adminWebhooks");
  const { pending, result, run } = useAction();
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        disabled={pending || !!result?.ok}
        onClick={() => run(() => retryMediaFetchAction(attachmentId))}
        className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-50"
      >
        {pending ? t("media.retrying") : t("media.retry")}
      </button>
      <ActionMessage state={result} success={t("media.queued")} />
    </div>
  );
}
