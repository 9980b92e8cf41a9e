"use client";
// Uploads a replacement gazetteer CSV (ADR 0704). A refusal names every broken row (up to 20) with
// what is wrong with it; nothing changes until the whole file is good.
import { useTranslations } from "next-intl";
import { uploadGazetteerAction } from "@/lib/entities/gazetteer-actions";
import { useAction } from "@/components/ui/use-action";

export function GazetteerUpload() {
  const t = useTranslations("admin.gazetteer");
  const tErr = useTranslations("errors");
  const { pending, result, run } = useAction();
  const detail = result && !result.ok ? result.detail : undefined;
  const reason = detail?.reason as string | undefined;
  const rows =
    reason === "gazetteerRows" && typeof detail?.rows === "string"
      ? detail.rows.split(",").map((r) => {
          const [line, code] = r.split(":");
          return { line: Number(line), code };
        })
      : [];
  return (
    <form
      aria-label={t("uploadTitle")}
      data-testid="gazetteer-form"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        run(() => uploadGazetteerAction(data));
      }}
    >
      <h2 className="font-semibold">{t("uploadTitle")}</h2>
      <p className="text-xs text-slate-700">{t("format")}</p>
      <label className="flex flex-col gap-1 text-sm">
        {t("fileLabel")}
        <input type="file" name="file" accept=".csv,text/csv" required data-testid="gazetteer-file" />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
        data-testid="gazetteer-upload"
      >
        {t("upload")}
      </button>
      <div aria-live="polite">
        {result?.ok && (
          <p role="status" className="text-sm text-green-700" data-testid="gazetteer-saved">
            {t("saved", { count: (result.data as { places: number } | undefined)?.places ?? 0 })}
          </p>
        )}
        {result && !result.ok && (
          <div role="alert" data-testid="action-error" className="text-sm text-red-700">
            <p>{reason && t.has(`error.${reason}`) ? t(`error.${reason}`) : tErr(result.code)}</p>
            {rows.length > 0 && (
              <ul className="list-disc pl-5" data-testid="gazetteer-errors">
                {rows.map((r) => (
                  <li key={`${r.line}:${r.code}`} data-line={r.line}>
                    {t("rowError", {
                      line: r.line,
                      problem: t.has(`rowCode.${r.code}`) ? t(`rowCode.${r.code}`) : r.code,
                    })}
                  </li>
                ))}
              </ul>
            )}
            {Number(detail?.more ?? 0) > 0 && <p>{t("moreErrors", { count: Number(detail?.more) })}</p>}
          </div>
        )}
      </div>
    </form>
  );
}
