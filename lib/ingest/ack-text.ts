// The text of the automatic acknowledgement a new tip gets: one bilingual reply with the tip ref,
// that the identity is kept secret and that the team is acting. mukhbir_internal.ingest_message
// stores it as a QUEUED outbound message in the tip's transaction and the `outbound.send` job
// (lib/jobs) sends it, so a slow or failing provider never blocks or undoes ingestion; the message
// id is `local:<uuid>` until the provider returns its own.
import "server-only";
import { env } from "../env";

const DEFAULT_HI =
  "धन्यवाद। आपकी सूचना दर्ज कर ली गई है, संदर्भ संख्या {ref}। आपकी पहचान पूरी तरह गोपनीय रखी जाएगी। हमारी टीम इस पर कार्रवाई कर रही है।";
const DEFAULT_EN =
  "Thank you. Your information has been recorded with reference {ref}. Your identity will be kept strictly secret. Our team is acting on it.";

export function ackText(ref: string) {
  const e = env();
  const hi = (e.ACK_TEXT_HI || DEFAULT_HI).replaceAll("{ref}", ref);
  const en = (e.ACK_TEXT_EN || DEFAULT_EN).replaceAll("{ref}", ref);
  // A configured text without the placeholder still tells the informant their ref.
  const withRef = (s: string) => (s.includes(ref) ? s : `${s} (${ref})`);
  return `${withRef(hi)}\n\n${withRef(en)}`;
}
