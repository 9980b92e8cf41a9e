"use client";
// The editable cells of Admin → Stations (components of their own: DataTable's cell templates must
// not call hooks, ADR 0303). Each runs updateStationAction through useAction.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { setStationAliasAction, updateStationAction } from "@/lib/stations/actions";
import { ActionMessage } from "../ui/action-message";
import { useAction } from "../ui/use-action";
import { submitted } from "@/components/ui/submit-form";

export type StationRow = {
  id: string;
  name: string;
  nameHi: string;
  district: string;
  active: boolean;
  /** Its own officers may read the informant's alias (ADR 0606). */
  showAlias: boolean;
  users: number;
  tips: number;
};

const INPUT = "w-full rounded border border-slate-300 px-1";

/** Both names with one Save: a rename is one change, whichever of the two was edited. */
export function StationNamesCell({ station }: { station: StationRow }) {
  const t = useTranslations("admin");
  const [name, setName] = useState(station.name);
  const [nameHi, setNameHi] = useState(station.nameHi);
  const { pending, result, run } = useAction();
  const dirty = name !== station.name || nameHi !== station.nameHi;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={submitted(() => {
        run(() =>
          updateStationAction(station.id, { name, nameHi, district: station.district, active: station.active }),
        );
      })}
    >
      <input
        aria-label={t("stations.name")}
        value={name}
        onChange={(e) => setName(e.target.value)}
        className={`${INPUT} sm:w-48`}
      />
      <input
        aria-label={t("stations.nameHi")}
        lang="hi"
        value={nameHi}
        onChange={(e) => setNameHi(e.target.value)}
        className={`${INPUT} sm:w-48`}
      />
      {dirty && (
        <button disabled={pending} className="rounded bg-brand-600 px-2 py-0.5 text-white">
          {t("stations.save")}
        </button>
      )}
      <ActionMessage state={result} />
    </form>
  );
}

export function StationActiveCell({ station }: { station: StationRow }) {
  const t = useTranslations("admin");
  const { pending, result, run } = useAction();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          run(() =>
            updateStationAction(station.id, {
              name: station.name,
              nameHi: station.nameHi,
              district: station.district,
              active: !station.active,
            }),
          )
        }
        className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100"
      >
        {station.active ? t("stations.deactivate") : t("stations.activate")}
      </button>
      <ActionMessage state={result} />
    </div>
  );
}

/** The "may read the informant alias" switch: a labelled checkbox, saved at once (off by default). */
export function StationAliasCell({ station }: { station: StationRow }) {
  const t = useTranslations("admin");
  const { pending, result, run } = useAction();
  // Shown as changed at once; put back if the server refuses.
  const [on, setOn] = useState(station.showAlias);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="flex items-center gap-1">
        <input
          type="checkbox"
          checked={on}
          disabled={pending}
          onChange={(e) => {
            const show = e.target.checked;
            setOn(show);
            run(
              () => setStationAliasAction(station.id, show),
              (r) => !r.ok && setOn(!show),
            );
          }}
          data-testid="station-alias-switch"
        />
        <span>{t("stations.showAlias")}</span>
      </label>
      <ActionMessage state={result} />
    </div>
  );
}
