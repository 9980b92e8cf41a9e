// Whether and how an officer may write to an informant now, with the reason when not. WhatsApp
// allows free-form messages only within 24 hours of the user's last message (lib/providers/window.ts,
// which the sending job checks again); after that only the approved template (WHATSAPP_REPLY_TEMPLATE)
// may carry the reply, and without one the reply box is disabled.
import { inServiceWindow, serviceWindowEndsAt } from "../providers/window";

export type ReplyMode =
  | { mode: "free"; closesAt: Date }
  | { mode: "template"; template: string }
  | { mode: "disabled"; reason: "windowClosed" | "voiceOnly" | "blocked" | "merged" | "addressDeleted" };

export function replyMode(
  informant: { channel: string; lastInboundAt: Date | null; blocked: boolean; addressDestroyedAt?: Date | null },
  tip: { status: string },
  opts: { template: string; now?: Date },
): ReplyMode {
  if (tip.status === "MERGED") return { mode: "disabled", reason: "merged" };
  // Writing to a blocked (abusive) informant would only invite more abuse.
  if (informant.blocked) return { mode: "disabled", reason: "blocked" };
  // Callers are not WhatsApp users we have a conversation with.
  if (informant.channel !== "WHATSAPP") return { mode: "disabled", reason: "voiceOnly" };
  // Retention destroyed the address after a period without a message (ADR 0212): nowhere to send.
  if (informant.addressDestroyedAt) return { mode: "disabled", reason: "addressDeleted" };
  const now = opts.now ?? new Date();
  if (inServiceWindow(informant.lastInboundAt, now))
    return { mode: "free", closesAt: serviceWindowEndsAt(informant.lastInboundAt, now)! };
  if (opts.template) return { mode: "template", template: opts.template };
  return { mode: "disabled", reason: "windowClosed" };
}
