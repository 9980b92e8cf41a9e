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
import { sessionEndsAt, sessionExpired } from "./session-lifetime";
import { secondFactorRequired } from "./two-factor/requirement";

export type Actor = Session["user"] & {
  ip: string;
  /** An officer without a station who may see every station (set by an admin). */
  districtWide: boolean;
  /** Their role needs a second factor they have not set up yet: only the account page is open to them. */
  mustEnrol: boolean;
};

/** Pages and actions that a user who still has to set up their second factor may use. */
type Options = { enrolment?: boolean };

async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id || sessionExpired(session.user.authAt)) return null;
  // The token may outlive a change made by an admin: re-read role, station, the active flag and the
  // session version (bumped by sign-out, sign out everywhere, resets and role/station changes).
  const user = await db.user.findUnique({
    where: { id: session.user.id },
    select: {
      active: true,
      role: true,
      stationId: true,
      name: true,
      districtWide: true,
      sessionVersion: true,
      totpEnabledAt: true,
    },
  });
  if (!user?.active || user.sessionVersion !== session.user.sv) return null;
  const h = await headers();
  return {
    ...session.user,
    role: user.role,
    stationId: user.stationId,
    name: user.name,
    districtWide: user.districtWide,
    mustEnrol: !user.totpEnabledAt && secondFactorRequired(user.role),
    ip: clientIp((n) => h.get(n)),
  };
}

/** For pages: anonymous → sign-in; second factor still to set up → the account page; lacking the permission → 404. */
export async function requirePage(permission: Permission, opts: Options = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (actor.mustEnrol && !opts.enrolment) redirect("/account");
  if (!can(actor.role, permission)) notFound();
  return actor;
}

/** For server actions and route handlers: throws a coded AppError (401 / 403). */
export async function requireActor(permission: Permission, opts: Options = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated");
  if (actor.mustEnrol && !opts.enrolment) throw new AppError("forbidden", "set up the second factor first");
  if (!can(actor.role, permission)) throw new AppError("forbidden");
  return actor;
}

/**
 * For long-lived responses (the live streams), which outlive the request that checked the session:
 * a check to repeat while the response stays open. It holds while the actor, as they were when the
 * response began, is still an active user with the same role, station and session version and the
 * permission, and neither the session's idle lifetime (or `lifetimeMs`) nor its absolute lifetime
 * has run out. An admin who disables a user, resets their password or moves them to another station,
 * and the user signing out anywhere, end their open streams; the browser's reconnect is then
 * authenticated afresh.
 */
export function streamLease(
  actor: Actor,
  permission: Permission,
  lifetimeMs = env().SESSION_IDLE_MINUTES * 60_000,
): () => Promise<boolean> {
  const endsAt = Math.min(Date.now() + lifetimeMs, sessionEndsAt(actor.authAt));
  return async () => {
    if (Date.now() >= endsAt) return false;
    const user = await db.user
      .findUnique({
        where: { id: actor.id },
        select: { active: true, role: true, stationId: true, districtWide: true, sessionVersion: true },
      })
      .catch(() => null);
    return (
      !!user?.active &&
      user.sessionVersion === actor.sv &&
      user.role === actor.role &&
      user.stationId === actor.stationId &&
      user.districtWide === actor.districtWide &&
      can(user.role, permission)
    );
  };
}

/** Signed-in user with no particular permission (e.g. changing one's own language, the sign-in page). */
export async function optionalActor(): Promise<Actor | null> {
  return currentActor();
}
