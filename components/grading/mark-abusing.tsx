"use client";
// Supervisors mark the alias behind a tip as abusing the line to frame others, or lift the mark (ADR 0709).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { markAbusingAction } from "@/lib/grading/actions";
import { ActionMessage } from "@/components/ui/action-message";
import { useAction } from "@/components/ui/use-action";
import { submitted } from "@/components/ui/submit-form";

export function MarkAbusing({ tipRef, alias, abusing }: { tipRef: string; alias: string; abusing: boolean }) {
  const t = useTranslations("grading");
  const [reason, setReason] = useState("");
  const { pending, result, run } = useAction();
  return (
    <section
      className="space-y-2 rounded-lg border border-red-200 bg-white p-3 text-sm"
      aria-labelledby="abusing-title"
      data-testid="abusing-panel"
    >
      <h2 id="abusing-title" className="font-semibold">
        {t("markTitle")}
      </h2>
      {abusing ? (
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => markAbusingAction(tipRef, { abusing: false }))}
          className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100"
        >
          {t("unmark", { alias })}
        </button>
      ) : (
        <form
          className="space-y-2"
          onSubmit={submitted(() => run(() => markAbusingAction(tipRef, { abusing: true, reason })))}
        >
          <label className="block text-xs text-slate-600">
            {t("markReason")}
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
            {t("mark", { alias })}
          </button>
          <p className="text-xs text-slate-500">{t("markHint")}</p>
        </form>
      )}
      <ActionMessage state={result} />
    </section>
  );
}
