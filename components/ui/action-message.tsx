"use client";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/errors";

/** Shows the outcome of a server action: a success line, or the translated error code. */
export function ActionMessage({ state, success }: { state: ActionResult<unknown> | null; success?: string }) {
  const t = useTranslations("errors");
  if (!state) return null;
  if (state.ok)
    return success ? (
      <p role="status" className="text-sm text-green-700">
        {success}
      </p>
    ) : null;
  return (
    <p role="alert" data-testid="action-error" className="text-sm text-red-700">
      {t(state.code)}
    </p>
  );
}
