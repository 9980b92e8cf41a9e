import { z } from "zod";
import { requireActor } from "@/lib/auth/guard";
import { parseQueueParams } from "@/lib/queue/params";
import { loadQueue, loadQueueRows } from "@/lib/queue/load-queue";
import { route } from "@/lib/http/route";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const ids = z.array(z.uuid()).max(200);

/**
 * The open queue's JSON feed, with the page's own URL parameters. With `ids=a,b` it answers those
 * rows as they now match the view (live updates); without, the whole page (catch-up after a reconnect).
 */
export const GET = route(async (request: Request) => {
  const actor = await requireActor("queue:read");
  const url = new URL(request.url);
  const params = parseQueueParams(url.searchParams);
  const raw = url.searchParams.get("ids");
  const body =
    raw === null
      ? await loadQueue(actor, params)
      : await (async () => {
          const parsed = ids.safeParse(raw.split(",").filter(Boolean));
          if (!parsed.success) throw new AppError("invalid");
          return loadQueueRows(actor, params, parsed.data);
        })();
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});
