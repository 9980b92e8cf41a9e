"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { addNoteAction } from "@/lib/tips/actions";
import { ActionMessage } from "@/components/ui/action-message";
import { useAction } from "@/components/ui/use-action";
import { submitted } from "@/components/ui/submit-form";

/** Internal notes: visibly different from the reply box, and never sent to the informant. */
export function NoteForm({ tipRef }: { tipRef: string }) {
  const t = useTranslations("tip");
  const [body, setBody] = useState("");
  const { pending, result, run } = useAction();
  return (
    <form
      aria-label={t("noteTitle")}
      data-testid="note-form"
      className="rounded-lg border border-dashed border-amber-400 bg-amber-50 p-3"
      onSubmit={submitted(() =>
        run(
          () => addNoteAction(tipRef, body),
          (r) => r.ok && setBody(""),
        ),
      )}
    >
      <h2 className="mb-1 text-sm font-semibold text-amber-900">{t("noteTitle")}</h2>
      <label className="block text-sm">
        <span className="sr-only">{t("noteLabel")}</span>
        <textarea
          name="body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={2}
          maxLength={4000}
          required
          placeholder={t("notePlaceholder")}
          className="w-full rounded border border-amber-300 bg-white px-2 py-1"
        />
      </label>
      <div className="mt-2 flex items-center gap-3">
        <button
          type="submit"
          disabled={pending || !body.trim()}
          className="rounded bg-amber-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-800 disabled:opacity-50"
        >
          {t("addNote")}
        </button>
        <p className="text-xs text-amber-900">{t("noteHint")}</p>
      </div>
      <ActionMessage state={result} />
    </form>
  );
}
