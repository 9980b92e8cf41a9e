// Liveness and readiness for load balancers and operators: database reachable, migrations current, version.
// Anonymous callers get the status alone; details for admins and HEALTH_TOKEN bearers (lib/auth/health-access.ts).
import { raw } from "@/lib/db";
import { migrationState } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { mayReadHealthDetails } from "@/lib/auth/health-access";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const version = env().APP_VERSION === "dev" ? (process.env.NEXT_PUBLIC_APP_VERSION ?? "dev") : env().APP_VERSION;
  const details = await mayReadHealthDetails(req);
  const answer = (body: Record<string, unknown>, status: number) =>
    Response.json(details ? body : { status: body.status }, { status, headers: { "Cache-Control": "no-store" } });
  try {
    await raw().query("SELECT 1");
    const m = await migrationState(raw());
    const ok = m.current;
    return answer({ status: ok ? "ok" : "degraded", database: "up", engine: raw().kind, migrations: { current: m.current, pending: m.pending, failed: m.failed }, version }, ok ? 200 : 503);
  } catch {
    return answer({ status: "down", database: "down", version }, 503);
  }
}
