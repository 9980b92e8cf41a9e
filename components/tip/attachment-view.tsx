// One attachment: images through their metadata-free copy, audio and video in page players,
// documents as downloads. The original (as the provider sent it) only with a stated reason.
import { getTranslations } from "next-intl/server";
import type { TipWorkspace } from "@/lib/tips/get-tip-workspace";
import { OriginalDownload } from "./original-download";
import { cleanable } from "@/lib/media/display-copy";

type A = TipWorkspace["messages"][number]["attachments"][number];

export async function AttachmentView({ a, tipRef, kind }: { a: A; tipRef: string; kind: string }) {
  const t = await getTranslations("tip");
  if (a.fetchState !== "STORED")
    return (
      <p className="text-xs text-slate-500" data-testid="attachment-pending" data-state={a.fetchState}>
        {a.fetchState === "FAILED" ? t("mediaFailed", { reason: a.fetchError ?? "" }) : t("mediaPending")}
      </p>
    );
  const src = `/api/tips/${tipRef}/media/${a.id}`;
  let view: React.ReactNode;
  if (!cleanable(a.mime))
    // No metadata-free copy of this kind (ADR 0213): only the original, with a reason.
    view = (
      <p className="text-sm text-slate-600" data-testid="media-no-clean-copy">
        {t("noCleanCopy", { name: a.filename ?? a.mime })}
      </p>
    );
  else if (a.mime.startsWith("image/"))
    view = (
      // eslint-disable-next-line @next/next/no-img-element -- authenticated, per-request media; next/image would cache it
      <img
        src={src}
        alt={t("imageAlt")}
        className="max-h-96 rounded border border-slate-200"
        data-testid="media-image"
        loading="lazy"
      />
    );
  else if (a.mime.startsWith("audio/"))
    view = <audio controls preload="metadata" src={src} data-testid="media-audio" className="w-full max-w-md" />;
  else if (a.mime.startsWith("video/"))
    view = (
      <video controls preload="metadata" src={src} data-testid="media-video" className="max-h-96 max-w-full rounded" />
    );
  else
    view = (
      <a href={src} download className="text-brand-600 underline" data-testid="media-document">
        {t("downloadDocument", { name: a.filename ?? a.mime })}
      </a>
    );
  return (
    <figure className="space-y-1" data-testid="attachment" data-id={a.id} data-mime={a.mime}>
      {view}
      <figcaption className="text-xs text-slate-500">
        {a.mime}
        {a.size ? ` · ${formatSize(a.size)}` : ""}
        {a.durationSec ? ` · ${t("duration", { seconds: Math.round(a.durationSec) })}` : ""}
        {kind === "IMAGE" || kind === "STICKER"
          ? ` · ${t("exifStripped")}`
          : cleanable(a.mime)
            ? ` · ${t("metadataRemoved")}`
            : ""}
        <br />
        <span className="font-mono break-all" data-testid="sha256">
          SHA-256 {a.sha256}
        </span>
      </figcaption>
      <OriginalDownload attachmentId={a.id} />
    </figure>
  );
}

function formatSize(n: number) {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}
