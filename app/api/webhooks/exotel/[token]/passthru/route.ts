// Exotel Passthru applet: the flow may call it with GET (details in the query) or POST (a form,
// sometimes with the query too). Secret token in the path.
import { handleExotelGet, handleExotelPost } from "@/lib/ingest/exotel/handle";
import { exotelPassthru } from "@/lib/ingest/exotel/normalise";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }) {
  return handleExotelGet(req, (await ctx.params).token, (p) => exotelPassthru(p));
}

export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }) {
  return handleExotelPost(req, (await ctx.params).token, (p) => exotelPassthru(p));
}
