"use client";
// Actions on the selected rows: priority, category, close as spam/duplicate (with a summary) and,
// for supervisors, assign. Each is one server action; the server re-checks role and scope.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Category, Priority } from "@/lib/generated/prisma/enums";
import type { ActionResult } from "@/lib/errors";
import { bulkAssignAction, bulkCloseAction, bulkSetFieldAction } from "@/lib/queue/actions";
import { useAction } from "../ui/use-action";
import { SelectField } from "../ui/select-field";
import type { Option } from "./filter-bar";
import { submitted } from "@/components/ui/submit-form";

const LABEL = "flex items-center gap-1";
const PICK = { value: "", label: "…" };

type Done = (r: ActionResult<{ updated: number; skipped: number }>) => void;

export function BulkBar({
  ids,
  canAssign,
  users,
  onDone,
}: {
  ids: string[];
  canAssign: boolean;
  users: Option[];
  onDone: Done;
}) {
  const t = useTranslations("queue");
  // The queue merges its own rows after an action (no page refresh).
  const { pending, run: runAction } = useAction({ refresh: false });
  const [outcome, setOutcome] = useState<"SPAM_ABUSE" | "DUPLICATE">("SPAM_ABUSE");
  const [summary, setSummary] = useState("");
  const run = (fn: () => Promise<ActionResult<{ updated: number; skipped: number }>>) => runAction(fn, onDone);
  const field = "rounded border border-slate-300 bg-white px-1.5 py-1 text-sm";
  return (
    <section
      aria-label={t("bulk.title")}
      data-testid="bulk-bar"
      className="flex flex-wrap items-center gap-3 rounded border border-brand-100 bg-brand-50 px-3 py-2 text-sm"
    >
      <strong>{t("bulk.selected", { count: ids.length })}</strong>
      <SelectField
        labelClassName={LABEL}
        label={t("bulk.priority")}
        className={field}
        disabled={pending}
        value=""
        data-testid="bulk-priority"
        first={PICK}
        onChange={(e) =>
          e.target.value && run(() => bulkSetFieldAction(ids, { field: "priority", value: e.target.value as Priority }))
        }
        choices={Object.values(Priority).map((p) => ({ value: p, label: t(`priority.${p}`) }))}
      />
      <SelectField
        labelClassName={LABEL}
        label={t("bulk.category")}
        className={field}
        disabled={pending}
        value=""
        data-testid="bulk-category"
        first={PICK}
        onChange={(e) =>
          e.target.value && run(() => bulkSetFieldAction(ids, { field: "category", value: e.target.value as Category }))
        }
        choices={Object.values(Category).map((c) => ({ value: c, label: t(`category.${c}`) }))}
      />
      {canAssign && (
        <SelectField
          labelClassName={LABEL}
          label={t("bulk.assign")}
          className={field}
          disabled={pending}
          value=""
          data-testid="bulk-assign"
          first={PICK}
          onChange={(e) =>
            e.target.value && run(() => bulkAssignAction(ids, e.target.value === "none" ? null : e.target.value))
          }
          choices={[
            { value: "none", label: t("bulk.unassign") },
            ...users.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
      )}
      <form
        className="flex flex-wrap items-center gap-1"
        onSubmit={submitted(() => run(() => bulkCloseAction(ids, { outcome, summary })))}
      >
        <select
          className={field}
          aria-label={t("bulk.outcome")}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as typeof outcome)}
          data-testid="bulk-outcome"
        >
          <option value="SPAM_ABUSE">{t("bulk.spam")}</option>
          <option value="DUPLICATE">{t("bulk.duplicate")}</option>
        </select>
        <input
          className={`${field} w-56`}
          required
          minLength={3}
          maxLength={2000}
          placeholder={t("bulk.summary")}
          aria-label={t("bulk.summary")}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          data-testid="bulk-summary"
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-red-700 px-3 py-1 font-semibold text-white hover:bg-red-800 disabled:opacity-50"
          data-testid="bulk-close"
        >
          {t("bulk.close")}
        </button>
      </form>
    </section>
  );
}
