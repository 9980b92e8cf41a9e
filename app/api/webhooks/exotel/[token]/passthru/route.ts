// Exotel Passthru applet (GET with the call's details in the query). Secret token in the path.
import { handleExotelGet } from "@/lib/ingest/exotel/handle";
import { exotelPassthru } from "@/lib/ingest/exotel/normalise";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }) {
  return handleExotelGet(req, (await ctx.params).token, (p) => exotelPassthru(p));
}
