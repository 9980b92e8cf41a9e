// A brief as the editor sends it, checked at the boundary. Missing instructions and a due time in
// the past get their own messages (errors.instructionsRequired, errors.dueInPast).
import { z } from "zod";
import { AppError } from "../errors";
import { parseIstLocal } from "./due-time";

const text = (max: number) => z.string().trim().max(max).default("");

export const briefInput = z.object({
  stationId: z.uuid(),
  what: z.string().trim().min(1).max(2000),
  where: text(1000),
  when: text(500),
  whoNamed: text(1000),
  instructions: text(2000),
  /** IST wall-clock `YYYY-MM-DDTHH:mm`; empty: the default for the tip's priority. */
  due: text(20),
  media: z.array(z.uuid()).max(10).default([]),
});
export type BriefInput = z.output<typeof briefInput>;

/** Parses the editor's input; returns the brief and the due time it names (null: use the default). */
export function parseBrief(input: unknown, now = Date.now()): { brief: BriefInput; due: Date | null } {
  const r = briefInput.safeParse(input);
  if (!r.success) throw new AppError("invalid");
  const brief = r.data;
  if (!brief.instructions) throw new AppError("instructionsRequired");
  let due: Date | null = null;
  if (brief.due) {
    due = parseIstLocal(brief.due);
    if (!due) throw new AppError("invalid");
    if (due.getTime() <= now) throw new AppError("dueInPast");
  }
  return { brief, due };
}

/** The brief's text as one string, for the phrase check. */
export function briefText(b: Pick<BriefInput, "what" | "where" | "when" | "whoNamed" | "instructions">) {
  return [b.what, b.where, b.when, b.whoNamed, b.instructions].join("\n");
}
