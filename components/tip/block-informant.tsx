"use client";
import { useTranslations } from "next-intl";
import { blockInformantAction } from "@/lib/tips/actions";
import { AliasFlagPanel } from "./alias-flag-panel";

/** Supervisors block an abusive informant by alias; their messages are still kept, flagged, silent. */
export function BlockInformant({ tipRef, alias, blocked }: { tipRef: string; alias: string; blocked: boolean }) {
  const t = useTranslations("tip");
  return (
    <AliasFlagPanel
      flagged={blocked}
      testId="block-panel"
      text={{
        title: t("blockTitle"),
        set: t("block", { alias }),
        lift: t("unblock", { alias }),
        reason: t("blockReason"),
        hint: t("blockHint"),
      }}
      setFlag={(reason) => blockInformantAction(tipRef, { blocked: true, reason })}
      liftFlag={() => blockInformantAction(tipRef, { blocked: false })}
    />
  );
}
