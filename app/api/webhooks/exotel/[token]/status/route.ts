// Exotel StatusCallback (POST, form-encoded) when a call ends: status, duration, recording.
import { handleExotelPost } from "@/lib/ingest/exotel/handle";
import { exotelStatus } from "@/lib/ingest/exotel/normalise";

export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }) {
  return handleExotelPost(req, (await ctx.params).token, (p) => exotelStatus(p));
}
