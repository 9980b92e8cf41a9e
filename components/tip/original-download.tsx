import { getTranslations } from "next-intl/server";

/** A plain form POST (works without script): the reason is required and audited by the route. */
export async function OriginalDownload({ attachmentId }: { attachmentId: string }) {
  const t = await getTranslations("tip");
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-slate-600 hover:text-slate-900">{t("original.open")}</summary>
      <form
        method="post"
        action={`/api/media/${attachmentId}/original`}
        className="mt-1 flex flex-wrap items-end gap-2"
        data-testid="original-form"
      >
        <label className="flex-1">
          <span className="block">{t("original.reason")}</span>
          <input
            name="reason"
            required
            minLength={5}
            maxLength={500}
            className="w-full rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <button type="submit" className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100">
          {t("original.download")}
        </button>
      </form>
      <p className="mt-1 text-slate-500">{t("original.warning")}</p>
    </details>
  );
}
