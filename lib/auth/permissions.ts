// The one permission table. Pages, server actions and route handlers all ask `can(role, action)`
// (through lib/auth/guard.ts); the UI may hide what a role cannot do, but the server decides.
import type { Role } from "../generated/prisma/enums";

const ALL: Role[] = ["OFFICER", "SUPERVISOR", "ADMIN"];
const LEADS: Role[] = ["SUPERVISOR", "ADMIN"];

export const PERMISSIONS = {
  "queue:read": ALL,
  "tip:read": ALL,
  "tip:claim": ALL,
  "tip:update": ALL,
  "tip:note": ALL,
  "tip:reply": ALL,
  "tip:close": ALL,
  "tip:merge": ALL,
  "tip:link": ALL,
  "tip:assign": LEADS,
  /** Changing a tip's station once it has one (an officer may only route an unrouted tip). */
  "tip:move": LEADS,
  "tip:bulk": ALL,
  "shift:handover": LEADS,
  /** Action requests to stations (ADR 0600): drafting a cleaned brief, closing it once reported. */
  "request:draft": ALL,
  /** Releasing a drafted brief to the station (or reviewing one that went first). */
  "request:approve": LEADS,
  /** The station's phone view: its released requests (scoped to the officer's station). */
  "station:read": ALL,
  /** Acknowledging and reporting action on a request (scoped to the officer's station). */
  "station:act": ALL,
  "media:read": ALL,
  "media:original": ALL,
  "informant:block": LEADS,
  /** Grading a tip on the 3x5x2 scale (ADR 0707). */
  "tip:grade": ALL,
  /** Marking an alias as abusing the line to frame others, and lifting the mark (ADR 0709). */
  "informant:flag": LEADS,
  "dashboard:read": LEADS,
  "report:export": LEADS,
  "admin:users": ["ADMIN"],
  "admin:stations": ["ADMIN"],
  "admin:webhooks": ["ADMIN"],
  "admin:canned": ["ADMIN"],
  "admin:settings": ["ADMIN"],
  /** Watch items (ADR 0702): everyone keeps their own; a lead's are shared with the whole desk. */
  "watch:own": ALL,
  "watch:share": LEADS,
  /** One's own account: second factor, sign out everywhere. */
  "account:self": ALL,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | undefined | null, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
