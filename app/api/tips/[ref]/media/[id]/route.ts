// Media inside the tip workspace, always as the metadata-free display copy (ADR 0213): images
// inline, voice notes, recordings and videos inline (with Range), documents as a download. A kind
// that cannot be cleaned is not served here (the original only with a reason). Scoped and audited.
import { requireActor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { auditNow } from "@/lib/audit";
import { ensureDisplayCopy } from "@/lib/media/display-copy";
import { findScopedAttachment } from "@/lib/tips/find-scoped-attachment";
import { mediaResponse, rangeStart } from "@/lib/tips/media-response";
import { route } from "@/lib/http/route";
import { extensionFor } from "@/lib/media/mime";

export const GET = route(async (req: Request, ctx: RouteContext<"/api/tips/[ref]/media/[id]">) => {
  const actor = await requireActor("media:read");
  const { ref, id } = await ctx.params;
  const a = await findScopedAttachment(actor, id);
  if (a.message.tip.ref !== ref || a.fetchState !== "STORED" || !a.storageKey) throw new AppError("notFound");
  const name = `${ref}-${a.id.slice(0, 8)}`;
  const image = a.mime.startsWith("image/");
  const playable = /^(audio|video)\//.test(a.mime);
  const copy = await ensureDisplayCopy(a.id);
  if (!copy)
    throw new AppError("conflict", "no copy without metadata can be made of this file", { reason: "noCleanCopy" });
  const ext = image ? (copy.mime === "image/png" ? "png" : "jpg") : extensionFor(a.mime) || "bin";
  const serve = {
    key: copy.key,
    mime: image || playable ? copy.mime : "application/octet-stream",
    disposition: image || playable ? ("inline" as const) : ("attachment" as const),
    filename: `${name}.${ext}`,
  };
  // A player fetches a file in several ranges: one audit row per view, not per chunk.
  if (rangeStart(req.headers.get("range")) === 0)
    await auditNow({
      actorId: actor.id,
      actorRole: actor.role,
      action: image ? "media.view" : playable ? "media.play" : "media.download",
      targetType: "attachment",
      targetId: a.id,
      tipId: a.message.tip.id,
      detail: { ref, mime: a.mime, copy: "display" },
      ip: actor.ip,
    });
  return mediaResponse(req, serve);
});
