"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { saveCannedReplyAction } from "@/lib/tips/canned-reply-actions";
import { ActionMessage } from "@/components/ui/action-message";
import { useAction } from "@/components/ui/use-action";
import { submitted } from "@/components/ui/submit-form";

export type CannedReply = { id: string; title: string; bodyEn: string; bodyHi: string; active: boolean };
const EMPTY = { title: "", bodyEn: "", bodyHi: "", active: true };

/** Creates a canned reply (no `reply`) or edits one; English and Hindi texts are both required. */
export function CannedReplyForm({ reply }: { reply?: CannedReply }) {
  const t = useTranslations("adminCanned");
  const [form, setForm] = useState(
    reply ? { title: reply.title, bodyEn: reply.bodyEn, bodyHi: reply.bodyHi, active: reply.active } : EMPTY,
  );
  const { pending, result, run } = useAction();
  const field = "mt-0.5 w-full rounded border border-slate-300 px-2 py-1 text-sm";
  return (
    <form
      className="grid gap-2 sm:grid-cols-2"
      data-testid={reply ? "canned-edit" : "canned-create"}
      onSubmit={submitted(() =>
        run(
          () => saveCannedReplyAction({ ...form, id: reply?.id }),
          (r) => r.ok && !reply && setForm(EMPTY),
        ),
      )}
    >
      <label className="text-xs font-medium text-slate-600 sm:col-span-2">
        {t("titleLabel")}
        <input
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
          required
          maxLength={80}
          className={field}
        />
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t("bodyEn")}
        <textarea
          value={form.bodyEn}
          onChange={(e) => setForm({ ...form, bodyEn: e.target.value })}
          required
          rows={3}
          maxLength={1024}
          className={field}
          lang="en"
        />
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t("bodyHi")}
        <textarea
          value={form.bodyHi}
          onChange={(e) => setForm({ ...form, bodyHi: e.target.value })}
          required
          rows={3}
          maxLength={1024}
          className={field}
          lang="hi"
        />
      </label>
      <div className="flex items-center gap-4 sm:col-span-2">
        <label className="flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            checked={form.active}
            onChange={(e) => setForm({ ...form, active: e.target.checked })}
          />
          {t("active")}
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {reply ? t("save") : t("add")}
        </button>
        <ActionMessage state={result} success={t("saved")} />
      </div>
    </form>
  );
}
