"use client";
// Supervisors mark the alias behind a tip as abusing the line to frame others, or lift the mark (ADR 0709).
import { useTranslations } from "next-intl";
import { markAbusingAction } from "@/lib/grading/actions";
import { AliasFlagPanel } from "@/components/tip/alias-flag-panel";

export function MarkAbusing({ tipRef, alias, abusing }: { tipRef: string; alias: string; abusing: boolean }) {
  const t = useTranslations("grading");
  return (
    <AliasFlagPanel
      flagged={abusing}
      testId="abusing-panel"
      text={{
        title: t("markTitle"),
        set: t("mark", { alias }),
        lift: t("unmark", { alias }),
        reason: t("markReason"),
        hint: t("markHint"),
      }}
      setFlag={(reason) => markAbusingAction(tipRef, { abusing: true, reason })}
      liftFlag={() => markAbusingAction(tipRef, { abusing: false })}
    />
  );
}
