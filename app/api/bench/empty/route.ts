// The framework's ceiling for bench/ingest: a route handler that reads the body and answers 200,
// on the same server as the real webhook. Exists only when BENCH_ROUTES=true.
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  if (!env().BENCH_ROUTES) return new Response("not found", { status: 404 });
  await req.arrayBuffer();
  return new Response("ok", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
}
