"use client";
import { useTranslations } from "next-intl";
import { approveRequestAction, closeRequestAction, tellInformantAction } from "@/lib/requests/actions";
import { ActionMessage } from "@/components/ui/action-message";
import { useAction } from "@/components/ui/use-action";

/** Approve (a supervisor), close (once reported) or tell the informant action was taken (once), from the tip page. */
export function RequestButtons({
  id,
  canApprove,
  canClose,
  canTell,
}: {
  id: string;
  canApprove: boolean;
  canClose: boolean;
  canTell: boolean;
}) {
  const t = useTranslations("requests");
  const { pending, result, run } = useAction();
  if (!canApprove && !canClose && !canTell) return null;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      {canApprove && (
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => approveRequestAction(id))}
          className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("approve")}
        </button>
      )}
      {canClose && (
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => closeRequestAction(id))}
          className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60"
        >
          {t("close")}
        </button>
      )}
      {canTell && (
        <button
          type="button"
          disabled={pending}
          onClick={() => {
            if (window.confirm(t("tellInformantConfirm"))) run(() => tellInformantAction(id));
          }}
          className="rounded border border-emerald-600 px-3 py-1 text-sm text-emerald-800 hover:bg-emerald-50 disabled:opacity-60"
          data-testid="tell-informant"
        >
          {t("tellInformant")}
        </button>
      )}
      <ActionMessage state={result} />
    </div>
  );
}
