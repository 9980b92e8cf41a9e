"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { updateStationAction } from "@/app/(desk)/admin/stations/actions";
import type { ActionResult } from "@/lib/errors";
import { ActionMessage } from "../ui/action-message";

type Station = { id: string; name: string; nameHi: string; district: string; active: boolean; users: number; tips: number };

export function StationRow({ station }: { station: Station }) {
  const t = useTranslations("admin");
  const [name, setName] = useState(station.name);
  const [nameHi, setNameHi] = useState(station.nameHi);
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const save = (active = station.active) =>
    start(async () => setResult(await updateStationAction(station.id, { name, nameHi, district: station.district, active })));
  const dirty = name !== station.name || nameHi !== station.nameHi;
  return (
    <tr className={`border-t border-slate-100 ${station.active ? "" : "text-slate-400"}`} data-testid={`station-${station.name}`}>
      <td className="p-2"><input aria-label={t("stations.name")} value={name} onChange={(e) => setName(e.target.value)} className="w-full rounded border border-slate-200 px-1" /></td>
      <td className="p-2"><input aria-label={t("stations.nameHi")} lang="hi" value={nameHi} onChange={(e) => setNameHi(e.target.value)} className="w-full rounded border border-slate-200 px-1" /></td>
      <td className="p-2 tabular-nums">{station.users} / {station.tips}</td>
      <td className="p-2">
        <div className="flex flex-wrap items-center gap-2">
          {dirty && <button type="button" disabled={pending} onClick={() => save()} className="rounded bg-brand-600 px-2 py-0.5 text-white">{t("stations.save")}</button>}
          <button type="button" disabled={pending} onClick={() => save(!station.active)} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100">
            {station.active ? t("stations.deactivate") : t("stations.activate")}
          </button>
          <ActionMessage state={result} />
        </div>
      </td>
    </tr>
  );
}
