"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { retryMediaFetchAction } from "@/app/(desk)/admin/webhooks/actions";
import type { ActionResult } from "@/lib/errors";
import { ActionMessage } from "../ui/action-message";

export function RetryButton({ attachmentId }: { attachmentId: string }) {
  const t = useTranslations("adminWebhooks");
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        disabled={pending || !!result?.ok}
        onClick={() => start(async () => setResult(await retryMediaFetchAction(attachmentId)))}
        className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-50"
      >
        {pending ? t("media.retrying") : t("media.retry")}
      </button>
      <ActionMessage state={result} success={t("media.queued")} />
    </div>
  );
}
