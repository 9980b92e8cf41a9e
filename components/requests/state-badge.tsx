import { getTranslations } from "next-intl/server";
import type { RequestState } from "@/lib/generated/prisma/enums";

const STYLE: Record<RequestState, string> = {
  DRAFTED: "bg-slate-100 text-slate-800",
  APPROVED: "bg-blue-100 text-blue-900",
  SENT: "bg-indigo-100 text-indigo-900",
  ACKNOWLEDGED: "bg-amber-100 text-amber-900",
  REPORTED: "bg-green-100 text-green-900",
  CLOSED: "bg-slate-200 text-slate-800",
};

export async function RequestStateBadge({ state }: { state: RequestState }) {
  const t = await getTranslations("requests");
  return (
    <span
      data-testid="request-state"
      data-state={state}
      className={`rounded px-2 py-0.5 text-xs font-semibold ${STYLE[state]}`}
    >
      {t(`state.${state}`)}
    </span>
  );
}
