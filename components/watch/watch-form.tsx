"use client";
// Adds a watch item (ADR 0702): an entity of a stated kind, a word or phrase, or a gazetteer place.
// A value that is not what it claims to be is refused with the reason; nothing is stored.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { addWatchAction } from "@/lib/watch/actions";
import { useAction } from "@/components/ui/use-action";
import { submitted } from "@/components/ui/submit-form";

const KINDS = ["PHRASE", "ENTITY", "PLACE"] as const;
const ENTITY_KINDS = ["vehicle", "mobile", "upi", "bank", "ifsc", "social"] as const;

export function WatchForm() {
  const t = useTranslations("watch");
  const tErr = useTranslations("errors");
  const [kind, setKind] = useState<(typeof KINDS)[number]>("PHRASE");
  const [entityKind, setEntityKind] = useState<(typeof ENTITY_KINDS)[number]>("vehicle");
  const [value, setValue] = useState("");
  const { pending, result, run } = useAction();
  const reason = result && !result.ok ? (result.detail?.reason as string | undefined) : undefined;
  const field = "mt-0.5 rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900";
  return (
    <form
      aria-label={t("addTitle")}
      data-testid="watch-form"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      onSubmit={submitted(() =>
        run(
          () => addWatchAction({ kind, entityKind: kind === "ENTITY" ? entityKind : null, value }),
          (r) => r.ok && setValue(""),
        ),
      )}
    >
      <label className="flex flex-col text-xs text-slate-700">
        {t("kindLabel")}
        <select
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}
          className={field}
          data-testid="watch-kind"
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === "ENTITY" && (
        <label className="flex flex-col text-xs text-slate-700">
          {t("entityKindLabel")}
          <select
            name="entityKind"
            value={entityKind}
            onChange={(e) => setEntityKind(e.target.value as (typeof ENTITY_KINDS)[number])}
            className={field}
            data-testid="watch-entity-kind"
          >
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`entityKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex flex-col text-xs text-slate-700">
        {t("valueLabel")}
        <input
          name="value"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
          maxLength={100}
          placeholder={t(`placeholder.${kind}`)}
          className={`${field} w-72`}
          data-testid="watch-value"
        />
      </label>
      <button
        type="submit"
        disabled={pending || !value.trim()}
        className="rounded bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
        data-testid="watch-add"
      >
        {t("add")}
      </button>
      <div aria-live="polite" className="basis-full">
        {result?.ok && (
          <p role="status" className="text-sm text-green-700">
            {t("added")}
          </p>
        )}
        {result && !result.ok && (
          <p role="alert" data-testid="action-error" className="text-sm text-red-700">
            {reason && t.has(`error.${reason}`) ? t(`error.${reason}`) : tErr(result.code)}
          </p>
        )}
      </div>
    </form>
  );
}
