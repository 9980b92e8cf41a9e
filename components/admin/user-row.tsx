"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { updateUserAction } from "@/app/(desk)/admin/users/actions";
import type { ActionResult } from "@/lib/errors";
import type { UserChange } from "@/lib/users/update-user";
import { ActionMessage } from "../ui/action-message";

type Row = { id: string; username: string; name: string; role: "OFFICER" | "SUPERVISOR" | "ADMIN"; active: boolean; stationId: string | null };

export function UserRow({ user, stations, self }: { user: Row; stations: { id: string; name: string }[]; self: boolean }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [password, setPassword] = useState("");
  const run = (change: UserChange) => start(async () => setResult(await updateUserAction(change)));
  const select = "rounded border border-slate-300 px-1 py-0.5";
  return (
    <tr className={`border-t border-slate-100 ${user.active ? "" : "text-slate-400"}`} data-testid={`user-${user.username}`}>
      <td className="p-2 font-mono">{user.username}</td>
      <td className="p-2">{user.name}</td>
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
      </td>
      <td className="p-2">
        <button type="button" disabled={pending || self} onClick={() => run({ field: "active", userId: user.id, value: !user.active })}
          className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-50">
          {user.active ? t("users.disable") : t("users.enable")}
        </button>
        <span className="ml-2 text-xs">{user.active ? t("users.active") : t("users.disabled")}</span>
      </td>
      <td className="p-2">
        <form className="flex gap-1" onSubmit={(e) => { e.preventDefault(); run({ field: "password", userId: user.id, value: password }); setPassword(""); }}>
          <input aria-label={t("users.newPassword")} type="password" minLength={10} required value={password} onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password" className="w-32 rounded border border-slate-300 px-1 py-0.5" />
          <button disabled={pending} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100">{t("users.resetPassword")}</button>
        </form>
        <ActionMessage state={result} success={t("users.saved")} />
      </td>
    </tr>
  );
}
