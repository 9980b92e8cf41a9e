// The original file as the provider sent it (EXIF and all), for evidence: only with a stated
// reason, which goes into the audit trail with the file's SHA-256. A form POST, so the reason
// cannot be skipped by pasting a link.
import { z } from "zod";
import { requireActor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { auditNow } from "@/lib/audit";
import { findScopedAttachment } from "@/lib/tips/find-scoped-attachment";
import { mediaResponse } from "@/lib/tips/media-response";
import { route } from "@/lib/http/route";
import { extensionFor } from "@/lib/media/mime";

const form = z.object({ reason: z.string().trim().min(5).max(500) });

export const POST = route(async (req: Request, ctx: RouteContext<"/api/media/[id]/original">) => {
  const actor = await requireActor("media:original");
  // Cookies are SameSite=Lax already; refuse an explicit cross-site request as well.
  if (req.headers.get("sec-fetch-site") === "cross-site") throw new AppError("forbidden");
  const { id } = await ctx.params;
  const a = await findScopedAttachment(actor, id);
  if (a.fetchState !== "STORED" || !a.storageKey) throw new AppError("notFound");
  const body = Object.fromEntries((await req.formData().catch(() => new FormData())).entries());
  const parsed = form.safeParse(body);
  if (!parsed.success) throw new AppError("invalid", "a reason is required", { field: "reason" });
  await auditNow({
    actorId: actor.id,
    actorRole: actor.role,
    action: "media.original",
    targetType: "attachment",
    targetId: a.id,
    tipId: a.message.tip.id,
    detail: { ref: a.message.tip.ref, reason: parsed.data.reason, sha256: a.sha256, mime: a.mime },
    ip: actor.ip,
  });
  const filename = `${a.message.tip.ref}-${a.id.slice(0, 8)}-original.${extensionFor(a.mime) || "bin"}`;
  return mediaResponse(req, {
    key: a.storageKey,
    mime: "application/octet-stream",
    disposition: "attachment",
    filename,
  });
});
