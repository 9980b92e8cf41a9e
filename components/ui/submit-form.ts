// A form whose fields are the action's input: on submit, its FormData goes to the server action
// through useAction's `run`, and the form is cleared once the server accepted it.
import type { FormEvent } from "react";
import type { ActionResult } from "@/lib/errors";

type Run = <T>(fn: () => Promise<ActionResult<T>>, after?: (r: ActionResult<T>) => void) => void;

export function submitForm<T>(run: Run, action: (form: FormData) => Promise<ActionResult<T>>) {
  return submitted((form) => {
    const data = new FormData(form);
    run(
      () => action(data),
      (r) => r.ok && form.reset(),
    );
  });
}

/** A submit handler that stays on the page (no browser form post) and runs `fn`: `onSubmit={submitted(() => run(…))}`. */
export function submitted(fn: (form: HTMLFormElement) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    fn(e.currentTarget);
  };
}
