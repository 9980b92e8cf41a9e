// Liveness and readiness for load balancers and operators: database reachable (within 2 s — a
// database that stopped answering makes this instance "down", so a balancer sends traffic
// elsewhere), migrations current, version; while the server drains for shutdown it answers 503.
// Anonymous callers get the status alone; details (and identity rotation progress, ADR 0153) for
// admins and HEALTH_TOKEN bearers (lib/auth/health-access.ts). X-Instance-Id names the process.
import { raw } from "@/lib/db";
import { migrationState } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { draining } from "@/lib/lifecycle/shutdown";
import { mayReadHealthDetails } from "@/lib/auth/health-access";
import { rotationStatus } from "@/lib/identity/rotate";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const READY_WITHIN_MS = 2_000;

function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms)));
  p.catch(() => undefined);
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

let instance: string | undefined;

export const GET = route(async (req: Request) => {
  const version = env().APP_VERSION === "dev" ? (process.env.NEXT_PUBLIC_APP_VERSION ?? "dev") : env().APP_VERSION;
  instance ??= env().INSTANCE_ID ?? crypto.randomUUID();
  const headers = { "Cache-Control": "no-store", "X-Instance-Id": instance };
  const details = draining() ? false : await mayReadHealthDetails(req).catch(() => false);
  const answer = (body: Record<string, unknown>, status: number) =>
    Response.json(details ? body : { status: body.status }, { status, headers });
  if (draining()) return answer({ status: "draining" }, 503);
  try {
    const m = await within(
      READY_WITHIN_MS,
      raw()
        .query("SELECT 1")
        .then(() => migrationState(raw())),
    );
    const ok = m.current;
    const identity = details ? await within(READY_WITHIN_MS, rotationStatus()).catch(() => null) : null;
    return answer(
      {
        status: ok ? "ok" : "degraded",
        database: "up",
        engine: raw().kind,
        migrations: { current: m.current, pending: m.pending, failed: m.failed },
        identity,
        version,
      },
      ok ? 200 : 503,
    );
  } catch {
    return answer({ status: "down", database: "down", version }, 503);
  }
});
