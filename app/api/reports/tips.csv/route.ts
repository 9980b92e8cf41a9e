// CSV of the tips in a dashboard range, for supervisors and admins. Audited before the first byte.
import { requireActor } from "@/lib/auth/guard";
import { auditNow } from "@/lib/audit";
import { route } from "@/lib/http/route";
import { parseFilters, filtersToQuery } from "@/lib/dashboard/filters";
import { exportTipsCsv } from "@/lib/dashboard/export-tips";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

export const GET = route(async (req: Request) => {
  const actor = await requireActor("report:export");
  const f = parseFilters(Object.fromEntries(new URL(req.url).searchParams));
  await auditNow({
    actorId: actor.id,
    actorRole: actor.role,
    action: "report.export",
    targetType: "tips",
    detail: { format: "csv", filters: filtersToQuery(f) },
    ip: actor.ip,
  });
  const chunks = exportTipsCsv(f);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        log.error("csv export failed", { error: e instanceof Error ? e.message : "unknown" });
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="mukhbir-tips-${f.fromDay}-to-${f.toDay}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
