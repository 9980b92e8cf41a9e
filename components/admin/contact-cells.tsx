"use client";
// The editable cell of Admin → Duty contacts (its own component: cell templates call no hooks, ADR 0303).
import { useTranslations } from "next-intl";
import { setContactActiveAction } from "@/lib/stations/actions";
import { ActionMessage } from "../ui/action-message";
import { useAction } from "../ui/use-action";

export type ContactRow = {
  id: string;
  name: string;
  phone: string;
  channel: "WHATSAPP" | "SMS";
  role: "DUTY" | "SENIOR" | "SP_CRIME";
  active: boolean;
  station: string;
};

export function ContactActiveCell({ contact }: { contact: ContactRow }) {
  const t = useTranslations("admin");
  const { pending, result, run } = useAction();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => setContactActiveAction(contact.id, !contact.active))}
        className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100"
      >
        {contact.active ? t("contacts.deactivate") : t("contacts.activate")}
      </button>
      <ActionMessage state={result} />
    </div>
  );
}
