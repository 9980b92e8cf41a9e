"use client";
// The filters are a plain GET form (works without JavaScript, and the URL is the state); with
// JavaScript, changing a select applies it at once.
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { RangeKey } from "@/lib/dashboard/filters";
import { SelectField } from "@/components/ui/select-field";

export type FilterBarProps = {
  range: RangeKey;
  fromDay: string;
  toDay: string;
  stationId: string | null;
  category: string | null;
  stations: { id: string; label: string }[];
  categories: { value: string; label: string }[];
};

export function FilterBar(p: FilterBarProps) {
  const t = useTranslations("dashboard");
  const [range, setRange] = useState<RangeKey>(p.range);
  const submit = (e: React.ChangeEvent<HTMLSelectElement>) => {
    if (e.target.name === "range" && e.target.value === "custom") return; // wait for the dates
    e.target.form?.requestSubmit();
  };
  const field = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form
      method="get"
      action="/dashboard"
      aria-label={t("filters.label")}
      className="no-print flex flex-wrap items-end gap-2"
      data-testid="dashboard-filters"
    >
      <label className="flex flex-col text-xs text-slate-600">
        {t("filters.range")}
        <select
          name="range"
          value={range}
          onChange={(e) => {
            setRange(e.target.value as RangeKey);
            submit(e);
          }}
          className={field}
        >
          {(["today", "7d", "30d", "custom"] as const).map((r) => (
            <option key={r} value={r}>
              {t(`filters.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {range === "custom" && (
        <>
          <label className="flex flex-col text-xs text-slate-600">
            {t("filters.from")}
            <input type="date" name="from" defaultValue={p.fromDay} required className={field} />
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            {t("filters.to")}
            <input type="date" name="to" defaultValue={p.toDay} required className={field} />
          </label>
        </>
      )}
      <SelectField
        labelClassName="flex min-w-0 flex-col text-xs text-slate-600"
        label={t("filters.station")}
        name="station"
        defaultValue={p.stationId ?? ""}
        onChange={submit}
        className={`${field} max-w-[12rem]`}
        first={{ value: "", label: t("filters.allStations") }}
        choices={p.stations.map((s) => ({ value: s.id, label: s.label }))}
      />
      <SelectField
        labelClassName="flex min-w-0 flex-col text-xs text-slate-600"
        label={t("filters.category")}
        name="category"
        defaultValue={p.category ?? ""}
        onChange={submit}
        className={`${field} max-w-[12rem]`}
        first={{ value: "", label: t("filters.allCategories") }}
        choices={p.categories}
      />
      <button
        type="submit"
        className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
      >
        {t("filters.apply")}
      </button>
    </form>
  );
}
