"use client";
// The editable cells of Admin → Users. Each is its own component (DataTable's cell templates must
// not call hooks, ADR 0303) running one server action through useAction, with its own message.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { updateUserAction } from "@/lib/users/actions";
import type { UserChange } from "@/lib/users/update-user";
import { ActionMessage } from "../ui/action-message";
import { useAction } from "../ui/use-action";
import { submitted } from "@/components/ui/submit-form";

export type UserRow = {
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

const SELECT = "rounded border border-slate-300 px-1 py-0.5";
const BUTTON = "rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-50";

/** useAction bound to updateUserAction: every cell changes one field of one user. */
function useUserChange() {
  const t = useTranslations("admin");
  const { pending, result, run } = useAction();
  const change = (c: UserChange) => run(() => updateUserAction(c));
  return { pending, change, message: <ActionMessage state={result} success={t("users.saved")} /> };
}

export function RoleCell({ user, self }: { user: UserRow; self: boolean }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const { pending, change, message } = useUserChange();
  return (
    <>
      <select
        aria-label={t("users.role")}
        defaultValue={user.role}
        disabled={pending || self}
        className={SELECT}
        onChange={(e) => change({ field: "role", userId: user.id, value: e.target.value as UserRow["role"] })}
      >
        {(["OFFICER", "SUPERVISOR", "ADMIN"] as const).map((r) => (
          <option key={r} value={r}>
            {tc(`role.${r}`)}
          </option>
        ))}
      </select>
      {message}
    </>
  );
}

export function StationCell({ user, stations }: { user: UserRow; stations: { id: string; name: string }[] }) {
  const t = useTranslations("admin");
  const { pending, change, message } = useUserChange();
  return (
    <>
      <select
        aria-label={t("users.station")}
        defaultValue={user.stationId ?? ""}
        disabled={pending}
        className={SELECT}
        onChange={(e) => change({ field: "station", userId: user.id, value: e.target.value || null })}
      >
        <option value="">{t("users.allStations")}</option>
        {stations.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      {user.role === "OFFICER" && (
        <label className="mt-1 flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            defaultChecked={user.districtWide}
            disabled={pending}
            data-testid="district-wide"
            onChange={(e) => change({ field: "districtWide", userId: user.id, value: e.target.checked })}
          />
          {t("users.districtWide")}
        </label>
      )}
      {message}
    </>
  );
}

export function TwoFactorCell({ user }: { user: UserRow }) {
  const t = useTranslations("admin");
  const { pending, change, message } = useUserChange();
  return (
    <>
      <span data-testid="two-factor" data-state={user.twoFactor ? "on" : "off"} className="mr-2 text-xs">
        {user.twoFactor ? t("users.twoFactorOn") : t("users.twoFactorOff")}
      </span>
      {user.twoFactor && (
        <button
          type="button"
          disabled={pending}
          className={BUTTON}
          onClick={() => change({ field: "secondFactor", userId: user.id, value: "reset" })}
        >
          {t("users.resetTwoFactor")}
        </button>
      )}
      {message}
    </>
  );
}

export function ActiveCell({ user, self }: { user: UserRow; self: boolean }) {
  const t = useTranslations("admin");
  const { pending, change, message } = useUserChange();
  return (
    <>
      <button
        type="button"
        disabled={pending || self}
        onClick={() => change({ field: "active", userId: user.id, value: !user.active })}
        className={BUTTON}
      >
        {user.active ? t("users.disable") : t("users.enable")}
      </button>
      <span className="ml-2 text-xs">{user.active ? t("users.active") : t("users.disabled")}</span>
      {message}
    </>
  );
}

export function PasswordCell({ user }: { user: UserRow }) {
  const t = useTranslations("admin");
  const { pending, change, message } = useUserChange();
  const [password, setPassword] = useState("");
  return (
    <>
      <form
        className="flex gap-1"
        onSubmit={submitted(() => {
          change({ field: "password", userId: user.id, value: password });
          setPassword("");
        })}
      >
        <input
          aria-label={t("users.newPassword")}
          type="password"
          minLength={12}
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          className="w-32 rounded border border-slate-300 px-1 py-0.5"
        />
        <button disabled={pending} className={BUTTON}>
          {t("users.resetPassword")}
        </button>
      </form>
      {message}
    </>
  );
}
