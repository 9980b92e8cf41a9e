// Exotel's Call Details API (v1): GET {EXOTEL_API_BASE}/v1/Accounts/{sid}/Calls/{CallSid}.json with
// the account's API key and token. Its `From` and `RecordingUrl` are what a call is trusted by.
// Through the fetch policy like every other server-side fetch (ADR 0210).
import "server-only";
import { z } from "zod";
import { env } from "../../env";
import { guardedFetch, readCapped } from "../../net/guarded-fetch";
import { exotelAuth } from "../../media/sources";

const answer = z.object({
  Call: z.object({
    Sid: z.string(),
    From: z.string().nullish(),
    To: z.string().nullish(),
    Direction: z.string().nullish(),
    Status: z.string().nullish(),
    RecordingUrl: z.string().nullish(),
  }),
});

export type CallDetails =
  { found: true; from: string | null; recordingUrl: string | null; direction: string | null } | { found: false };

export class ExotelUnavailable extends Error {}

export async function fetchCallDetails(callSid: string): Promise<CallDetails> {
  const e = env();
  const url = `${e.EXOTEL_API_BASE.replace(/\/+$/, "")}/v1/Accounts/${encodeURIComponent(e.EXOTEL_SID)}/Calls/${encodeURIComponent(callSid)}.json`;
  let res: Response;
  try {
    res = await guardedFetch(url, { auth: exotelAuth(), timeoutMs: 30_000 });
  } catch (err) {
    throw new ExotelUnavailable(`Exotel call details unreachable: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = await readCapped(res).catch(() => "");
  // Exotel answers 404 for a CallSid its account never had (a forged callback).
  if (res.status === 404) return { found: false };
  if (!res.ok) throw new ExotelUnavailable(`Exotel call details failed: HTTP ${res.status}`);
  let parsed;
  try {
    parsed = answer.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) throw new ExotelUnavailable("Exotel call details: unexpected answer");
  const c = parsed.data.Call;
  if (c.Sid !== callSid) return { found: false };
  const recording = c.RecordingUrl && /^https?:\/\//.test(c.RecordingUrl) ? c.RecordingUrl : null;
  return { found: true, from: c.From ?? null, recordingUrl: recording, direction: c.Direction ?? null };
}
