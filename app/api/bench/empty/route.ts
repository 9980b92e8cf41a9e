// The framework's ceiling for bench/ingest: a route handler that reads the body and answers 200,
// on the same server as the real webhook. Exists only when BENCH_ROUTES=true.
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(async (req: Request) => {
  if (!env().BENCH_ROUTES) return new Response("not found", { status: 404 });
  await req.arrayBuffer();
  return new Response("ok", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
});
