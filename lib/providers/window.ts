// WhatsApp's customer-service window: free-form replies are allowed for 24 hours after the
// informant's last inbound message; after that only an approved template may be sent.
import "server-only";
import { env } from "../env";

export const SERVICE_WINDOW_MS = 24 * 3600_000;

export function inServiceWindow(lastInboundAt: Date | null | undefined, now = new Date()): boolean {
  return !!lastInboundAt && now.getTime() - lastInboundAt.getTime() < SERVICE_WINDOW_MS;
}

/** When the window closes (null if it is already closed or never opened). */
export function serviceWindowEndsAt(lastInboundAt: Date | null | undefined, now = new Date()): Date | null {
  return inServiceWindow(lastInboundAt, now) ? new Date(lastInboundAt!.getTime() + SERVICE_WINDOW_MS) : null;
}

export type ReplyMode = "free" | "template" | "closed";

/** How a reply would go out now: free text, the template (by default the reply template), or not at all. */
export function replyMode(
  lastInboundAt: Date | null | undefined,
  now = new Date(),
  template = env().WHATSAPP_REPLY_TEMPLATE,
): ReplyMode {
  if (inServiceWindow(lastInboundAt, now)) return "free";
  return template ? "template" : "closed";
}
