"use client";
// Runs a server action from a form or button: pending state, the last result, and a refresh so
// the server-rendered timeline shows the change at once.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";

export function useAction() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const run = (fn: () => Promise<ActionResult<unknown>>, after?: (r: ActionResult<unknown>) => void) =>
    start(async () => {
      const r = await fn();
      setResult(r);
      after?.(r);
      if (r.ok) router.refresh();
    });
  return { pending, result, run, reset: () => setResult(null) };
}
