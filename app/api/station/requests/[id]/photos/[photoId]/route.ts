// An officer's field photo, as uploaded (their evidence, ADR 0600), to whoever reaches its request.
import { requireActor } from "@/lib/auth/guard";
import { route } from "@/lib/http/route";
import { mediaResponse } from "@/lib/tips/media-response";
import { findFieldPhoto } from "@/lib/requests/station-media";

export const GET = route(async (req: Request, ctx: RouteContext<"/api/station/requests/[id]/photos/[photoId]">) => {
  const actor = await requireActor("station:read");
  const { id, photoId } = await ctx.params;
  const p = await findFieldPhoto(actor, id, photoId);
  return mediaResponse(req, {
    key: p.storageKey,
    mime: p.mime,
    disposition: "inline",
    filename: `${p.tip.ref}-field-${p.id.slice(0, 8)}.${p.mime.split("/")[1]}`,
  });
});
