// Liveness and readiness for load balancers and operators: database reachable (within 2 s — a
// database that stopped answering makes this instance "down", so a balancer sends traffic
// elsewhere), migrations current, version. While the server drains for shutdown it answers 503.
import { raw } from "@/lib/db";
import { migrationState } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { draining } from "@/lib/lifecycle/shutdown";

export const dynamic = "force-dynamic";

const READY_WITHIN_MS = 2_000;

function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms)));
  p.catch(() => undefined);
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

let instance: string | undefined;

export async function GET() {
  const version = env().APP_VERSION === "dev" ? (process.env.NEXT_PUBLIC_APP_VERSION ?? "dev") : env().APP_VERSION;
  instance ??= env().INSTANCE_ID ?? crypto.randomUUID();
  const headers = { "Cache-Control": "no-store", "X-Instance-Id": instance };
  if (draining()) return Response.json({ status: "draining", version }, { status: 503, headers });
  try {
    const m = await within(READY_WITHIN_MS, raw().query("SELECT 1").then(() => migrationState(raw())));
    const ok = m.current;
    return Response.json(
      { status: ok ? "ok" : "degraded", database: "up", engine: raw().kind, migrations: { current: m.current, pending: m.pending, failed: m.failed }, version },
      { status: ok ? 200 : 503, headers },
    );
  } catch {
    return Response.json({ status: "down", database: "down", version }, { status: 503, headers });
  }
}
