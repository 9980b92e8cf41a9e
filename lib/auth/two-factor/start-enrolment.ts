// Step one of enrolment: a new secret, kept sealed as "pending" until a code from it is confirmed,
// and shown once as a QR code plus the base32 text for manual entry.
import "server-only";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../guard";
import { seal } from "./secret-box";
import { newTotpSecret, totpQrDataUrl } from "./totp";

export async function startEnrolment(actor: Actor) {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { totpEnabledAt: true, username: true } });
  if (!user) throw new AppError("notFound");
  if (user.totpEnabledAt) throw new AppError("conflict", "already enrolled");
  const secret = newTotpSecret();
  await db.user.update({ where: { id: actor.id }, data: { totpPendingSecret: seal(secret) }, select: { id: true } });
  return { secret, qr: await totpQrDataUrl(secret, user.username) };
}
