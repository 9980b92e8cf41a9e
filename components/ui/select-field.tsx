// A labelled <select> over a list of choices, with an optional first choice ("all", "none", "…").
// One component for every filter and field select, server- or client-rendered (no hooks here).
import type { ReactNode, SelectHTMLAttributes } from "react";

export type Choice = { value: string; label: string };

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  label: ReactNode;
  choices: readonly Choice[];
  first?: Choice;
  labelClassName?: string;
};

export function SelectField({ label, choices, first, labelClassName, ...select }: Props) {
  return (
    <label className={labelClassName}>
      {label}
      <select {...select}>
        {first && <option value={first.value}>{first.label}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
