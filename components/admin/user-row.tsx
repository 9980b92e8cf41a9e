"use client";
import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { updateUserAction } from "@/app/(desk)/admin/users/actions";
import type { ActionResult } from "@/lib/errors";
import type { UserChange } from "@/lib/users/update-user";
import { ActionMessage } from "../ui/action-message";

type Row = {
  id: string;
  username: string;
  name: string;
  role: "OFFICER" | "SUPERVISOR" | "ADMIN";
  active: boolean;
  stationId: string | null;
  districtWide: boolean;
  twoFactor: boolean;
  lastSignInAt: string | null;
};

export function UserRow({ user, stations, self }: { user: Row; stations: { id: string; name: string }[]; self: boolean }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const format = useFormatter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [password, setPassword] = useState("");
  const run = (change: UserChange) => start(async () => setResult(await updateUserAction(change)));
  const select = "rounded border border-slate-300 px-1 py-0.5";
  const button = "rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-50";
  return (
    <tr className={`border-t border-slate-100 ${user.active ? "" : "text-slate-400"}`} data-testid={`user-${user.username}`}>
      <td className="p-2 font-mono">{user.username}</td>
      <td className="p-2">
        {user.name}
        <span className="block text-xs text-slate-500">
          {t("users.lastSignIn")}: {user.lastSignInAt ? format.dateTime(new Date(user.lastSignInAt), { dateStyle: "medium" }) : t("users.never")}
        </span>
      </td>
      <td className="p-2">
        <select aria-label={t("users.role")} defaultValue={user.role} disabled={pending || self} className={select}
          onChange={(e) => run({ field: "role", userId: user.id, value: e.target.value as Row["role"] })}>
          {(["OFFICER", "SUPERVISOR", "ADMIN"] as const).map((r) => <option key={r} value={r}>{tc(`role.${r}`)}</option>)}
        </select>
      </td>
      <td className="p-2">
        <select aria-label={t("users.station")} defaultValue={user.stationId ?? ""} disabled={pending} className={select}
          onChange={(e) => run({ field: "station", userId: user.id, value: e.target.value || null })}>
          <option value="">{t("users.allStations")}</option>
          {stations.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        {user.role === "OFFICER" && (
          <label className="mt-1 flex items-center gap-1 text-xs">
            <input type="checkbox" defaultChecked={user.districtWide} disabled={pending} data-testid="district-wide"
              onChange={(e) => run({ field: "districtWide", userId: user.id, value: e.target.checked })} />
            {t("users.districtWide")}
          </label>
        )}
      </td>
      <td className="p-2">
        <span data-testid="two-factor" data-state={user.twoFactor ? "on" : "off"} className="mr-2 text-xs">
          {user.twoFactor ? t("users.twoFactorOn") : t("users.twoFactorOff")}
        </span>
        {user.twoFactor && (
          <button type="button" disabled={pending} className={button} onClick={() => run({ field: "secondFactor", userId: user.id, value: "reset" })}>
            {t("users.resetTwoFactor")}
          </button>
        )}
      </td>
      <td className="p-2">
        <button type="button" disabled={pending || self} onClick={() => run({ field: "active", userId: user.id, value: !user.active })} className={button}>
          {user.active ? t("users.disable") : t("users.enable")}
        </button>
        <span className="ml-2 text-xs">{user.active ? t("users.active") : t("users.disabled")}</span>
      </td>
      <td className="p-2">
        <form className="flex gap-1" onSubmit={(e) => { e.preventDefault(); run({ field: "password", userId: user.id, value: password }); setPassword(""); }}>
          <input aria-label={t("users.newPassword")} type="password" minLength={12} required value={password} onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password" className="w-32 rounded border border-slate-300 px-1 py-0.5" />
          <button disabled={pending} className={button}>{t("users.resetPassword")}</button>
        </form>
        <ActionMessage state={result} success={t("users.saved")} />
      </td>
    </tr>
  );
}
