"use client";
// Claim / assign and the simple fields. Each change is one server action; the server re-checks the
// role and the station scope, so hiding a control here is only a convenience.
import { useLocale, useTranslations } from "next-intl";
import { assignAction, claimAction, updateFieldAction } from "@/lib/tips/actions";
import { ActionMessage } from "@/components/ui/action-message";
import { SelectField } from "@/components/ui/select-field";
import { useAction } from "@/components/ui/use-action";

const STATUSES = ["NEW", "IN_PROGRESS", "WAITING_INFORMANT"] as const;
const PRIORITIES = ["URGENT", "HIGH", "NORMAL", "LOW"] as const;
const CATEGORIES = [
  "UNCATEGORISED",
  "ORGANISED_CRIME",
  "WOMEN_SAFETY",
  "NARCOTICS",
  "ILLEGAL_LIQUOR",
  "ILLEGAL_ARMS",
  "GAMBLING",
  "LAND_MAFIA",
  "CYBER_FRAUD",
  "THEFT_ROBBERY",
  "TRAFFIC",
  "CORRUPTION",
  "OTHER",
] as const;

const LABEL = "block text-xs font-medium text-slate-600";

type Props = {
  tipRef: string;
  closed: boolean;
  status: string;
  priority: string;
  category: string;
  stationId: string | null;
  assigneeId: string | null;
  mine: boolean;
  /** Supervisors and admins may move a tip away from its station; anyone may route an unrouted one. */
  canMove: boolean;
  stations: { id: string; name: string; nameHi: string | null }[];
  officers: { id: string; name: string; stationId: string | null; role: string }[];
};

export function TipControls(p: Props) {
  const t = useTranslations("tip");
  const hi = useLocale() === "hi";
  const { pending, result, run } = useAction();
  const set = (field: string, value: string | null) => run(() => updateFieldAction(p.tipRef, { field, value }));
  const claimedBy =
    result && !result.ok && result.code === "conflict" && typeof result.detail?.assignee === "string"
      ? result.detail.assignee
      : null;
  const select = "mt-0.5 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm disabled:bg-slate-100";

  return (
    <section
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3"
      aria-label={t("controls")}
      data-testid="tip-controls"
    >
      <div className="flex flex-wrap gap-2">
        {!p.mine && !p.closed && (
          <button
            type="button"
            disabled={pending || !!p.assigneeId}
            onClick={() => run(() => claimAction(p.tipRef))}
            className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {t("claim")}
          </button>
        )}
        {p.mine && <span className="rounded bg-brand-50 px-2 py-1 text-sm text-brand-900">{t("yours")}</span>}
      </div>
      {p.officers.length > 0 && (
        <SelectField
          labelClassName={LABEL}
          label={t("assignTo")}
          className={select}
          disabled={pending || p.closed}
          value={p.assigneeId ?? ""}
          onChange={(e) => run(() => assignAction(p.tipRef, e.target.value || null))}
          data-testid="assign-select"
          first={{ value: "", label: t("unassigned") }}
          choices={p.officers.map((o) => ({ value: o.id, label: o.name }))}
        />
      )}
      <div className="grid grid-cols-2 gap-2">
        <SelectField
          labelClassName={LABEL}
          label={t("status")}
          className={select}
          disabled={pending || p.closed}
          value={p.closed ? "" : p.status}
          onChange={(e) => set("status", e.target.value)}
          data-testid="status-select"
          first={p.closed ? { value: "", label: t(`statusName.${p.status}`) } : undefined}
          choices={STATUSES.map((s) => ({ value: s, label: t(`statusName.${s}`) }))}
        />
        <SelectField
          labelClassName={LABEL}
          label={t("priority")}
          className={select}
          disabled={pending || p.closed}
          value={p.priority}
          onChange={(e) => set("priority", e.target.value)}
          data-testid="priority-select"
          choices={PRIORITIES.map((s) => ({ value: s, label: t(`priorityName.${s}`) }))}
        />
        <SelectField
          labelClassName={`col-span-2 ${LABEL}`}
          label={t("category")}
          className={select}
          disabled={pending || p.closed}
          value={p.category}
          onChange={(e) => set("category", e.target.value)}
          data-testid="category-select"
          choices={CATEGORIES.map((s) => ({ value: s, label: t(`categoryName.${s}`) }))}
        />
        <SelectField
          labelClassName={`col-span-2 ${LABEL}`}
          label={t("station")}
          className={select}
          disabled={pending || p.closed || (!!p.stationId && !p.canMove)}
          value={p.stationId ?? ""}
          onChange={(e) => set("station", e.target.value || null)}
          data-testid="station-select"
          first={{ value: "", label: t("noStation") }}
          choices={p.stations.map((s) => ({ value: s.id, label: hi && s.nameHi ? s.nameHi : s.name }))}
        />
      </div>
      {claimedBy ? (
        <p role="alert" className="text-sm text-red-700">
          {t("claimedBy", { name: claimedBy })}
        </p>
      ) : (
        <ActionMessage state={result} />
      )}
    </section>
  );
}
