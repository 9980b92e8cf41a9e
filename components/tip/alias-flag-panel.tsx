"use client";
// A supervisor's flag on the alias behind a tip: set with a reason, lifted with one click. Blocking
// an abusive informant and marking an alias as abusing the line to frame others (ADR 0709) are this
// one control with their own action and words.
import { useId, useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/errors";
import { submitted } from "@/components/ui/submit-form";

export type AliasFlagText = { title: string; set: string; lift: string; reason: string; hint: string };

export function AliasFlagPanel({
  flagged,
  text,
  setFlag,
  liftFlag,
  testId,
}: {
  flagged: boolean;
  text: AliasFlagText;
  setFlag: (reason: string) => Promise<ActionResult<unknown>>;
  liftFlag: () => Promise<ActionResult<unknown>>;
  testId: string;
}) {
  const titleId = useId();
  const [reason, setReason] = useState("");
  const { pending, result, run } = useAction();
  return (
    <section
      className="space-y-2 rounded-lg border border-red-200 bg-white p-3 text-sm"
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <h2 id={titleId} className="font-semibold">
        {text.title}
      </h2>
      {flagged ? (
        <button
          type="button"
          disabled={pending}
          onClick={() => run(liftFlag)}
          className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100"
        >
          {text.lift}
        </button>
      ) : (
        <form className="space-y-2" onSubmit={submitted(() => run(() => setFlag(reason)))}>
          <label className="block text-xs text-slate-600">
            {text.reason}
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
            {text.set}
          </button>
          <p className="text-xs text-slate-500">{text.hint}</p>
        </form>
      )}
      <ActionMessage state={result} />
    </section>
  );
}
