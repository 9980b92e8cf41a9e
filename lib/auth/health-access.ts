// Who may read /api/health's details (version, engine, migrations): an admin's session, or monitoring
// presenting HEALTH_TOKEN as a bearer token. Anyone else (a load balancer) gets the status alone.
import "server-only";
import crypto from "node:crypto";
import { env } from "../env";
import { optionalActor } from "./guard";

export async function mayReadHealthDetails(req: Request): Promise<boolean> {
  const token = env().HEALTH_TOKEN;
  const given = req.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (token && given) {
    const a = crypto.createHash("sha256").update(given).digest();
    const b = crypto.createHash("sha256").update(token).digest();
    if (crypto.timingSafeEqual(a, b)) return true;
  }
  const actor = await optionalActor().catch(() => null);
  return actor?.role === "ADMIN" && !actor.mustEnrol;
}
