"use client";
// Server-side filters and search. Every change is a URL change (so reload and shared links keep
// it) and goes back to page one.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Category, Channel, Priority, TipStatus } from "@/lib/generated/prisma/enums";
import type { QueueParams } from "@/lib/queue/params";
import { parseSearch } from "@/lib/search/query";
import { INTEL_GRADES } from "@/lib/grading/scale";

export type Option = { id: string; name: string };

export function FilterBar(props: {
  params: QueueParams;
  stations: Option[];
  users: Option[];
  hrefWith: (c: Record<string, string | null>) => string;
}) {
  const t = useTranslations("queue");
  const router = useRouter();
  const { params, hrefWith } = props;
  const [q, setQ] = useState(params.q ?? "");
  // A query too short to search is not run (lib/search/query.ts); say so instead.
  const tGrade = useTranslations("grading");
  const tooShort = !!params.q && !parseSearch(params.q).ok;
  const go = (changes: Record<string, string | null>) =>
    router.push(hrefWith({ ...changes, after: null, before: null }), { scroll: false });
  const select = (
    name: keyof QueueParams,
    values: readonly string[],
    label: (v: string) => string,
    title = t(`filter.${name}`),
    any = t("filter.any"),
  ) => (
    <label className="flex flex-col text-xs text-slate-600">
      {title}
      <select
        name={name}
        data-testid={`filter-${name}`}
        value={(params[name] as string | undefined) ?? ""}
        onChange={(e) => go({ [name]: e.target.value || null })}
        className="mt-0.5 rounded border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-900"
      >
        <option value="">{any}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
    </label>
  );
  const active = [
    "status",
    "priority",
    "category",
    "channel",
    "station",
    "assignee",
    "q",
    "entity",
    "source",
    "intel",
    "from",
    "to",
  ].some((k) => params[k as keyof QueueParams]);
  return (
    <div className="flex flex-wrap items-end gap-3 py-3">
      <form
        role="search"
        className="flex items-end gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: q.trim() || null });
        }}
      >
        <label className="flex flex-col text-xs text-slate-600">
          {t("filter.q")}
          <input
            type="search"
            name="q"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t("filter.qPlaceholder")}
            className="mt-0.5 w-64 rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
          />
        </label>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
          {t("filter.search")}
        </button>
        {tooShort && (
          <p role="alert" className="self-center text-sm text-red-700" data-testid="search-error">
            {t("filter.qTooShort")}
          </p>
        )}
      </form>
      {select("status", Object.values(TipStatus), (v) => t(`status.${v}`))}
      {select("priority", Object.values(Priority), (v) => t(`priority.${v}`))}
      {select("category", Object.values(Category), (v) => t(`category.${v}`))}
      {select("channel", Object.values(Channel), (v) => t(`channel.${v}`))}
      {select("station", ["none", ...props.stations.map((s) => s.id)], (v) =>
        v === "none" ? t("filter.noStation") : props.stations.find((s) => s.id === v)!.name,
      )}
      {select("assignee", ["none", ...props.users.map((u) => u.id)], (v) =>
        v === "none" ? t("filter.nobody") : props.users.find((u) => u.id === v)!.name,
      )}
      {select(
        "source",
        ["1", "2", "3", "none"],
        (v) => (v === "none" ? tGrade("none") : tGrade(`sourceGrade.${v}`)),
        tGrade("filterSource"),
        tGrade("any"),
      )}
      {select(
        "intel",
        [...INTEL_GRADES, "none"],
        (v) => (v === "none" ? tGrade("none") : tGrade(`intelGrade.${v}`)),
        tGrade("filterIntel"),
        tGrade("any"),
      )}
      {params.entity && (
        <span className="rounded bg-brand-50 px-2 py-1 text-xs text-brand-900" data-testid="entity-filter">
          {t("filter.entity", { entity: params.entity })}
        </span>
      )}
      {(params.from || params.to) && (
        <span className="rounded bg-brand-50 px-2 py-1 text-xs text-brand-900" data-testid="received-filter">
          {t("filter.received", { from: params.from ?? "…", to: params.to ?? "…" })}
        </span>
      )}
      {active && (
        <button
          type="button"
          onClick={() => {
            setQ("");
            go({
              status: null,
              priority: null,
              category: null,
              channel: null,
              station: null,
              assignee: null,
              q: null,
              entity: null,
              source: null,
              intel: null,
              from: null,
              to: null,
            });
          }}
          className="text-sm text-brand-700 underline"
        >
          {t("filter.clear")}
        </button>
      )}
    </div>
  );
}
