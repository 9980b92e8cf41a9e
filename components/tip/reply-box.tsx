"use client";
// Replying to the informant: free text or a bilingual canned reply, within WhatsApp's 24-hour
// window; after it, the approved template carries the text; otherwise the box says why it is off.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { replyAction } from "@/lib/tips/actions";
import type { ReplyMode } from "@/lib/tips/reply-window";
import { ActionMessage } from "@/components/ui/action-message";
import { useAction } from "@/components/ui/use-action";
import { submitted } from "@/components/ui/submit-form";
import { formatDateTime } from "@/lib/time/format";

type Canned = { id: string; title: string; bodyEn: string; bodyHi: string };

export function ReplyBox({
  tipRef,
  reply,
  canned,
  allowed,
}: {
  tipRef: string;
  reply: ReplyMode;
  canned: Canned[];
  allowed: boolean;
}) {
  const t = useTranslations("tip");
  const locale = useLocale();
  const [text, setText] = useState("");
  const [cannedId, setCannedId] = useState<string | undefined>();
  const { pending, result, run } = useAction();
  const disabled = !allowed || reply.mode === "disabled";
  const reason =
    reply.mode === "disabled" ? t(`replyDisabled.${reply.reason}`) : !allowed ? t("replyNotAllowed") : null;
  const errorReason =
    result && !result.ok && typeof result.detail?.reason === "string" && t.has(`replyDisabled.${result.detail.reason}`)
      ? t(`replyDisabled.${result.detail.reason}`)
      : null;

  const pick = (id: string, lang: "en" | "hi") => {
    const c = canned.find((x) => x.id === id);
    if (!c) return;
    setCannedId(c.id);
    setText(lang === "hi" ? c.bodyHi : c.bodyEn);
  };

  return (
    <form
      aria-label={t("replyTitle")}
      data-testid="reply-box"
      className="rounded-lg border border-emerald-300 bg-white p-3"
      onSubmit={submitted(() =>
        run(
          () => replyAction(tipRef, { text, cannedId }),
          (r) => r.ok && (setText(""), setCannedId(undefined)),
        ),
      )}
    >
      <h2 className="mb-1 text-sm font-semibold text-emerald-900">{t("replyTitle")}</h2>
      {reply.mode === "free" && (
        <p className="mb-2 text-xs text-slate-500">
          {t("windowOpenUntil", { time: formatDateTime(reply.closesAt, locale, "compact") })}
        </p>
      )}
      {reply.mode === "template" && (
        <p className="mb-2 rounded bg-amber-50 p-2 text-xs text-amber-900" data-testid="template-mode">
          {t("templateMode", { name: reply.template })}
        </p>
      )}
      {reason ? (
        <p className="rounded bg-slate-100 p-2 text-sm text-slate-700" data-testid="reply-disabled">
          {reason}
        </p>
      ) : (
        <>
          {canned.length > 0 && (
            <div className="mb-2 flex flex-wrap gap-2 text-xs" data-testid="canned-replies">
              {canned.map((c) => (
                <span key={c.id} className="inline-flex overflow-hidden rounded border border-slate-300">
                  <span className="bg-slate-50 px-2 py-1">{c.title}</span>
                  <button
                    type="button"
                    className="border-l border-slate-300 px-2 py-1 hover:bg-slate-100"
                    onClick={() => pick(c.id, "en")}
                  >
                    EN
                  </button>
                  <button
                    type="button"
                    className="border-l border-slate-300 px-2 py-1 hover:bg-slate-100"
                    onClick={() => pick(c.id, "hi")}
                  >
                    हि
                  </button>
                </span>
              ))}
            </div>
          )}
          <label className="block text-sm">
            <span className="sr-only">{t("replyLabel")}</span>
            <textarea
              name="text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={3}
              maxLength={1024}
              required
              disabled={disabled}
              placeholder={t("replyPlaceholder")}
              className="w-full rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <div className="mt-2 flex items-center gap-3">
            <button
              type="submit"
              disabled={pending || disabled || !text.trim()}
              className="rounded bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50"
            >
              {pending ? t("sending") : t("send")}
            </button>
            <p className="text-xs text-slate-500">{t("replyHint")}</p>
          </div>
        </>
      )}
      {errorReason ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {errorReason}
        </p>
      ) : (
        <ActionMessage state={result} success={t("replyQueued")} />
      )}
    </form>
  );
}
