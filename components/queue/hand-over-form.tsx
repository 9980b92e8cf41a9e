"use client";
// Supervisor's shift hand-over: every open tip of one officer to another.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { handOverShiftAction } from "@/lib/queue/actions";
import type { ActionResult } from "@/lib/errors";
import { useAction } from "../ui/use-action";
import type { Option } from "./filter-bar";
import { submitted } from "@/components/ui/submit-form";

export function HandOverForm({
  users,
  onDone,
}: {
  users: Option[];
  onDone: (r: ActionResult<{ moved: number; skipped: number }>) => void;
}) {
  const t = useTranslations("queue");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const { pending, run } = useAction({ refresh: false });
  const field = "rounded border border-slate-300 bg-white px-1.5 py-1 text-sm";
  return (
    <details className="rounded border border-slate-200 bg-white px-3 py-2 text-sm">
      <summary className="cursor-pointer font-semibold">{t("handover.title")}</summary>
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={submitted(() => run(() => handOverShiftAction(from, to), onDone))}
      >
        <label className="flex flex-col text-xs">
          {t("handover.from")}
          <select
            required
            className={field}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="handover-from"
          >
            <option value="" />
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs">
          {t("handover.to")}
          <select
            required
            className={field}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            data-testid="handover-to"
          >
            <option value="" />
            {users
              .filter((u) => u.id !== from)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={pending || !from || !to}
          className="rounded bg-brand-600 px-3 py-1 font-semibold text-white disabled:opacity-50"
          data-testid="handover-submit"
        >
          {t("handover.submit")}
        </button>
      </form>
    </details>
  );
}
