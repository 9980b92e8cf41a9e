// The station's media reads. A brief's image is reachable only through a request the viewer's
// station was released, and only if the desk chose it for that brief; it is served as the
// metadata-free display copy, never the original, and only if it is an image. Field photos are
// reachable through their request the same way. A miss of any kind is "not found".
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { Viewer } from "../auth/scope";
import { stationRequestScope } from "./scope";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findBriefImage(viewer: Viewer, requestId: string, attachmentId: string) {
  if (!UUID.test(requestId) || !UUID.test(attachmentId)) throw new AppError("notFound");
  const link = await db.actionRequestMedia.findFirst({
    where: {
      requestId,
      attachmentId,
      request: stationRequestScope(viewer),
      attachment: { mime: { startsWith: "image/" }, fetchState: "STORED" },
    },
    select: { attachmentId: true, request: { select: { tip: { select: { id: true, ref: true } } } } },
  });
  if (!link) throw new AppError("notFound");
  return { attachmentId: link.attachmentId, tip: link.request.tip };
}

export async function findFieldPhoto(viewer: Viewer, requestId: string, photoId: string) {
  if (!UUID.test(requestId) || !UUID.test(photoId)) throw new AppError("notFound");
  const photo = await db.fieldPhoto.findFirst({
    where: { id: photoId, report: { requestId, request: stationRequestScope(viewer) } },
    select: {
      id: true,
      mime: true,
      storageKey: true,
      report: { select: { request: { select: { tip: { select: { id: true, ref: true } } } } } },
    },
  });
  if (!photo) throw new AppError("notFound");
  return { ...photo, tip: photo.report.request.tip };
}
