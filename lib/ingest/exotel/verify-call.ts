// The `exotel.verify` job: confirm a queued Exotel callback with Exotel's Call Details API and only
// then store it through the ingest pipeline, with the caller and recording URL from Exotel's answer.
// A call Exotel does not know (a forged callback) is stored as unverified: on a fresh informant of
// its own, so it is never threaded into anyone's tip, and marked on the tip page. While Exotel is
// unreachable the job retries with backoff; when the last try fails too, the call is stored as
// unverified rather than lost (ADR 0211).
import "server-only";
import { normaliseAddress } from "../../identity/address";
import { ingestEvent } from "../ingest-event";
import type { CallEvent } from "../types";
import { ExotelUnavailable, fetchCallDetails } from "./call-details";
import type { PendingCallback } from "./queue-callback";

/** Exotel fills a recording in after the call ends: wait this many tries for one the callback announced. */
const RECORDING_WAIT_ATTEMPTS = 6;

export async function verifyExotelCallback(pending: PendingCallback, job?: { attempts: number; maxAttempts: number }) {
  const ev: CallEvent = { ...pending, at: new Date(pending.at) };
  const last = !job || job.attempts >= job.maxAttempts;
  let details;
  try {
    details = await fetchCallDetails(ev.callId);
  } catch (e) {
    if (!(e instanceof ExotelUnavailable) || !last) throw e;
    await ingestEvent({ ...ev, unverified: "unreachable" });
    return;
  }
  if (!details.found) {
    await ingestEvent({ ...ev, unverified: "unknown" });
    return;
  }
  if (
    pending.claimsRecording &&
    !details.recordingUrl &&
    job &&
    job.attempts < Math.min(RECORDING_WAIT_ATTEMPTS, job.maxAttempts)
  )
    throw new Error("Exotel has not published this call's recording yet");
  const address = details.from ? normaliseAddress("phone", details.from) : null;
  await ingestEvent({
    ...ev,
    sender: address ? { address } : undefined,
    recording: details.recordingUrl ? { providerRef: details.recordingUrl, mime: "audio/mpeg" } : undefined,
  });
}
