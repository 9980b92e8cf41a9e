"use client";
// The one way a component runs a server action (ADR 0040): from a form's submit, a button or a
// select, call `run(() => someAction(...), after?)`. It gives the pending state, the last result
// (for <ActionMessage>), and by default refreshes the server-rendered page after a success; pages
// that merge their own rows (the queue) pass { refresh: false }. `run` is stable across renders.
import { useCallback, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";

export function useAction({ refresh = true }: { refresh?: boolean } = {}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const run = useCallback(
    <T>(fn: () => Promise<ActionResult<T>>, after?: (r: ActionResult<T>) => void) =>
      start(async () => {
        const r = await fn();
        setResult(r);
        after?.(r);
        if (r.ok && refresh) router.refresh();
      }),
    [router, refresh],
  );
  return { pending, result, run, reset: () => setResult(null) };
}
