// Liveness and readiness for load balancers and operators: database reachable, migrations current, version.
import { raw } from "@/lib/db";
import { migrationState } from "@/lib/db/migrate";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET() {
  const version = env().APP_VERSION === "dev" ? (process.env.NEXT_PUBLIC_APP_VERSION ?? "dev") : env().APP_VERSION;
  // Which process answered (INSTANCE_ID): test harnesses prove they reached their own server with it.
  const instance = env().INSTANCE_ID || undefined;
  try {
    await raw().query("SELECT 1");
    const m = await migrationState(raw());
    const ok = m.current;
    return Response.json(
      { status: ok ? "ok" : "degraded", database: "up", engine: raw().kind, migrations: { current: m.current, pending: m.pending, failed: m.failed }, version, instance },
      { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json({ status: "down", database: "down", version, instance }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
