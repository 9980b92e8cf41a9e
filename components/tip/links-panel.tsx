"use client";
// Related tips (both directions), merged duplicates, and the forms to link or merge by ref.
import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { linkAction, mergeAction, unlinkAction } from "@/lib/tips/actions";
import { ActionMessage } from "@/components/ui/action-message";
import { useAction } from "@/components/ui/use-action";
import { submitted } from "@/components/ui/submit-form";

type LinkRow = { ref: string; status: string; preview: string };

export function LinksPanel({
  tipRef,
  links,
  mergedFrom,
  mergedInto,
  canMerge,
}: {
  tipRef: string;
  links: LinkRow[];
  mergedFrom: string[];
  mergedInto: string | null;
  canMerge: boolean;
}) {
  const t = useTranslations("tip");
  const router = useRouter();
  const { pending, result, run } = useAction();
  return (
    <section
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 text-sm"
      aria-label={t("linksTitle")}
      data-testid="links-panel"
    >
      <h2 className="font-semibold">{t("linksTitle")}</h2>
      {mergedInto && (
        <p>
          {t("mergedInto")}{" "}
          <Link className="font-mono text-brand-600 underline" href={`/tips/${mergedInto}`}>
            {mergedInto}
          </Link>
        </p>
      )}
      {mergedFrom.length > 0 && (
        <p data-testid="merged-from">
          {t("mergedFrom")}{" "}
          {mergedFrom.map((r) => (
            <Link key={r} className="mr-2 font-mono text-brand-600 underline" href={`/tips/${r}?stay=1`}>
              {r}
            </Link>
          ))}
        </p>
      )}
      <ul className="space-y-1" data-testid="linked-tips">
        {links.map((l) => (
          <li key={l.ref} className="flex items-start gap-2">
            <Link className="font-mono text-brand-600 underline" href={`/tips/${l.ref}`}>
              {l.ref}
            </Link>
            <span className="flex-1 truncate text-slate-600">{l.preview}</span>
            <button
              type="button"
              className="text-xs text-slate-500 hover:text-red-700"
              disabled={pending}
              onClick={() => run(() => unlinkAction(tipRef, { other: l.ref }))}
            >
              {t("unlink")}
            </button>
          </li>
        ))}
        {links.length === 0 && <li className="text-slate-500">{t("noLinks")}</li>}
      </ul>
      <RefForm
        name="other"
        label={t("linkLabel")}
        button={t("link")}
        buttonClass="border-slate-400 hover:bg-slate-100"
        disabled={pending}
        onSubmit={(other, clear) =>
          run(
            () => linkAction(tipRef, { other }),
            (r) => r.ok && clear(),
          )
        }
      />
      {canMerge && (
        <RefForm
          name="into"
          label={t("mergeLabel")}
          button={t("merge")}
          buttonClass="border-red-300 text-red-800 hover:bg-red-50"
          disabled={pending}
          className="border-t border-slate-100 pt-2"
          testId="merge-form"
          onSubmit={(into) => {
            if (!window.confirm(t("mergeConfirm", { from: tipRef, into: into.toUpperCase() }))) return;
            run(
              () => mergeAction(tipRef, { into }),
              (r) => {
                const survivor = r.ok ? (r.data as { survivor?: string } | undefined)?.survivor : undefined;
                if (survivor) router.push(`/tips/${survivor}?merged=${tipRef}`);
              },
            );
          }}
        />
      )}
      <ActionMessage state={result} />
    </section>
  );
}

/** One field for another tip's ref and its button (link, merge). */
function RefForm(p: {
  name: string;
  label: string;
  button: string;
  buttonClass: string;
  disabled: boolean;
  className?: string;
  testId?: string;
  onSubmit: (ref: string, clear: () => void) => void;
}) {
  const [ref, setRef] = useState("");
  return (
    <form
      className={`flex flex-wrap items-end gap-2 ${p.className ?? ""}`}
      data-testid={p.testId}
      onSubmit={submitted(() => {
        p.onSubmit(ref, () => setRef(""));
      })}
    >
      <label className="text-xs text-slate-600">
        {p.label}
        <input
          name={p.name}
          value={ref}
          onChange={(e) => setRef(e.target.value)}
          placeholder="EM-2026-000123"
          className="block w-40 rounded border border-slate-300 px-2 py-1 font-mono text-sm uppercase"
        />
      </label>
      <button type="submit" disabled={p.disabled || !ref} className={`rounded border px-2 py-1 ${p.buttonClass}`}>
        {p.button}
      </button>
    </form>
  );
}
