// The one scrubber for text that comes from a provider or goes to a log: error messages, error
// details, delivery failure reasons. Provider texts echo whom they were about ("The 'To' number
// +91… is not valid", "Message wamid.HBgM… failed"), and a WhatsApp message or call id is base64
// of a record holding the sender's number: numbers of 7+ digits, business-scoped user ids and
// message/call ids are replaced. Names need the sender's own name: see lib/ingest/own-identity.ts.
// Bounded input, no regular expression built from input.
import { clip } from "../text/clip";

const NUMBER = /\+?\d[\d\s().-]{5,}\d/g;
const USER_ID = /\b[A-Za-z]{2}\.(ENT\.)?[A-Za-z0-9]{6,}\b/g;
const WA_ID = /\b(wamid|wacid|gBGG|HBg)[A-Za-z0-9+/=._-]{6,}/g;

export const MAX_PROVIDER_TEXT = 500;

export function scrubIdentity(text: string): string {
  return clip(
    clip(text, 4 * MAX_PROVIDER_TEXT)
      .replace(WA_ID, "[message-id]")
      .replace(NUMBER, "[number]")
      .replace(USER_ID, "[user-id]"),
    MAX_PROVIDER_TEXT,
  );
}
