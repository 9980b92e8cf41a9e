// A brief's image for the station: the metadata-free display copy only (ADR 0600), scoped to the
// request's station and to the images chosen for the brief. Audited.
import { requireActor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { auditNow } from "@/lib/audit";
import { route } from "@/lib/http/route";
import { ensureDisplayCopy } from "@/lib/media/display-copy";
import { mediaResponse } from "@/lib/tips/media-response";
import { findBriefImage } from "@/lib/requests/station-media";

export const GET = route(async (req: Request, ctx: RouteContext<"/api/station/requests/[id]/media/[attachmentId]">) => {
  const actor = await requireActor("station:read");
  const { id, attachmentId } = await ctx.params;
  const image = await findBriefImage(actor, id, attachmentId);
  const copy = await ensureDisplayCopy(image.attachmentId);
  if (!copy) throw new AppError("notFound");
  await auditNow({
    actorId: actor.id,
    actorRole: actor.role,
    action: "request.media_view",
    targetType: "attachment",
    targetId: image.attachmentId,
    tipId: image.tip.id,
    detail: { ref: image.tip.ref, request: id, copy: "display" },
    ip: actor.ip,
  });
  return mediaResponse(req, {
    key: copy.key,
    mime: copy.mime,
    disposition: "inline",
    filename: `${image.tip.ref}-${image.attachmentId.slice(0, 8)}.${copy.mime === "image/png" ? "png" : "jpg"}`,
  });
});
