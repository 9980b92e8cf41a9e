// Server-side authorisation for pages, server actions and route handlers. Every entry point calls
// one of these; nothing relies on a layout or on the UI hiding a button.
import "server-only";
import { getServerSession, type Session } from "next-auth";
import { headers } from "next/headers";
import { redirect, notFound } from "next/navigation";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";
import { AppError } from "../errors";
import { db } from "../db";
import { env } from "../env";
import { clientIp } from "./client-ip";

export type Actor = Session["user"] & { ip: string };

async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  // The token may outlive a change made by an admin: re-read role, station and active flag.
  const user = await db.user.findUnique({ where: { id: session.user.id }, select: { active: true, role: true, stationId: true, name: true } });
  if (!user?.active) return null;
  const h = await headers();
  return { ...session.user, role: user.role, stationId: user.stationId, name: user.name, ip: clientIp((n) => h.get(n)) };
}

/** For pages: anonymous → sign-in; lacking the permission → 404 (don't reveal the page exists). */
export async function requirePage(permission: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (!can(actor.role, permission)) notFound();
  return actor;
}

/** For server actions and route handlers: throws a coded AppError (401 / 403). */
export async function requireActor(permission: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated");
  if (!can(actor.role, permission)) throw new AppError("forbidden");
  return actor;
}

/**
 * For long-lived responses (the live streams), which outlive the request that checked the session:
 * a check to repeat while the response stays open. It holds while the actor, as they were when the
 * response began, is still an active user with the same role and station and the permission, and
 * the session's idle lifetime (or `lifetimeMs`) has not run out since. An admin who disables a
 * user or moves them to another station ends their open streams; a stream that outlives the
 * session ends, and the browser's reconnect is authenticated afresh.
 */
export function streamLease(actor: Actor, permission: Permission, lifetimeMs = env().SESSION_IDLE_MINUTES * 60_000): () => Promise<boolean> {
  const endsAt = Date.now() + lifetimeMs;
  return async () => {
    if (Date.now() >= endsAt) return false;
    const user = await db.user.findUnique({ where: { id: actor.id }, select: { active: true, role: true, stationId: true } }).catch(() => null);
    return !!user?.active && user.role === actor.role && user.stationId === actor.stationId && can(user.role, permission);
  };
}

/** Signed-in user with no particular permission (e.g. changing one's own language). */
export async function optionalActor(): Promise<Actor | null> {
  return currentActor();
}
