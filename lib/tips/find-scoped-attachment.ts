// Media is reachable only through a tip the viewer may see: the attachment id alone is not enough.
// A miss — unknown id, another station's tip — is "not found" either way.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { tipScope, type Viewer } from "../auth/scope";

export async function findScopedAttachment(viewer: Viewer, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("notFound");
  const a = await db.attachment.findFirst({
    where: { id, message: { tip: tipScope(viewer) } },
    select: {
      id: true,
      mime: true,
      filename: true,
      size: true,
      sha256: true,
      storageKey: true,
      fetchState: true,
      message: { select: { id: true, kind: true, tip: { select: { id: true, ref: true } } } },
    },
  });
  if (!a) throw new AppError("notFound");
  return a;
}
