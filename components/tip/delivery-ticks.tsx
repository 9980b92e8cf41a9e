// WhatsApp-style ticks for our outbound messages: queued (clock), sent ✓, delivered ✓✓, read /
// played blue ✓✓, failed (red, with the reason).
import { getTranslations } from "next-intl/server";

const GLYPH: Record<string, { text: string; cls: string }> = {
  QUEUED: { text: "🕓", cls: "text-slate-400" },
  SENT: { text: "✓", cls: "text-slate-500" },
  DELIVERED: { text: "✓✓", cls: "text-slate-500" },
  READ: { text: "✓✓", cls: "text-sky-500" },
  PLAYED: { text: "✓✓", cls: "text-sky-500" },
  FAILED: { text: "⚠", cls: "text-red-600" },
};

export async function DeliveryTicks({ status, error }: { status: string; error: string | null }) {
  const t = await getTranslations("tip");
  const g = GLYPH[status] ?? GLYPH.QUEUED;
  return (
    <span
      className="inline-flex items-center gap-1"
      data-testid="ticks"
      data-status={status}
      title={t(`delivery.${status}`)}
    >
      <span aria-hidden className={`font-semibold ${g.cls}`}>
        {g.text}
      </span>
      <span className="sr-only">{t(`delivery.${status}`)}</span>
      {status === "FAILED" && error && <span className="text-red-700">{t("deliveryFailed", { reason: error })}</span>}
    </span>
  );
}
