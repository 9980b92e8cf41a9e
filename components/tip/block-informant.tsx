"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { blockInformantAction } from "@/lib/tips/actions";
import { ActionMessage } from "@/components/ui/action-message";
import { useAction } from "@/components/ui/use-action";
import { submitted } from "@/components/ui/submit-form";

/** Supervisors block an abusive informant by alias; their messages are still kept, flagged, silent. */
export function BlockInformant({ tipRef, alias, blocked }: { tipRef: string; alias: string; blocked: boolean }) {
  const t = useTranslations("tip");
  const [reason, setReason] = useState("");
  const { pending, result, run } = useAction();
  return (
    <section
      className="space-y-2 rounded-lg border border-red-200 bg-white p-3 text-sm"
      aria-label={t("blockTitle")}
      data-testid="block-panel"
    >
      <h2 className="font-semibold">{t("blockTitle")}</h2>
      {blocked ? (
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => blockInformantAction(tipRef, { blocked: false }))}
          className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100"
        >
          {t("unblock", { alias })}
        </button>
      ) : (
        <form
          className="space-y-2"
          onSubmit={submitted(() => run(() => blockInformantAction(tipRef, { blocked: true, reason })))}
        >
          <label className="block text-xs text-slate-600">
            {t("blockReason")}
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              maxLength={500}
              className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <button
            type="submit"
            disabled={pending || !reason.trim()}
            className="rounded bg-red-700 px-2 py-1 text-white hover:bg-red-800 disabled:opacity-50"
          >
            {t("block", { alias })}
          </button>
          <p className="text-xs text-slate-500">{t("blockHint")}</p>
        </form>
      )}
      <ActionMessage state={result} />
    </section>
  );
}
